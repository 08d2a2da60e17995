// This file defines the configuration of the static pass of the batched mutation run (scripts/mutate-static.mjs): the
// main configuration with static mutants run, each against every test (Stryker's command line can only turn
// `ignoreStatic` on).
import base from './stryker.config.mjs';

export default { ...base, ignoreStatic: false };
