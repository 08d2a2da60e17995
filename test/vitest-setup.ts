// This file lets the jest-style tests run under vitest for mutation testing (vitest.config.mts): `jest.spyOn` → `vi`.
import { vi } from 'vitest';

(globalThis as unknown as { jest: typeof vi }).jest = vi;
