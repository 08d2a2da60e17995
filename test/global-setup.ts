// This file defines the jest global setup of the bundle, e2e and hostile projects: build dist/ once per jest run,
// then refuse to go on when a built file is missing, so no test ever runs against a stale or absent bundle.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** What `npm run build` writes and the bundle, e2e and hostile tests load. */
export const BUILT_FILES = ['dist/Code.js', 'dist/sidebar.html', 'dist/appsscript.json'] as const;

/** Set by `npm test` and the test:* scripts, which have just run `npm run build`: then jest does not build again. */
export const ALREADY_BUILT = 'JIGYO_BUILT';

export default function globalSetup(): void {
  if (process.env[ALREADY_BUILT] !== '1') {
    // Jest runs this only when a test of the bundle, e2e or hostile project is selected (never for --selectProjects unit).
    try {
      execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/build.ts')], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    } catch {
      // The build has printed why; no test of dist/ runs against what an earlier build left behind.
      throw new Error('`npm run build` failed (its output is above): the bundle, e2e and hostile tests need dist/');
    }
  }
  const missing = BUILT_FILES.filter((file) => !existsSync(join(ROOT, file)));
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} missing: run \`npm run build\` (the bundle, e2e and hostile tests load the built files)`,
    );
  }
}
