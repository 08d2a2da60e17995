// This file defines the bundle harness: dist/Code.js loaded into a vm context whose globals are the Apps Script fakes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createFakeEnvironment, type FakeEnvironment, installFakes } from '../fakes';

export const BUNDLE_PATH = join(__dirname, '../../dist/Code.js');

export interface LoadedBundle {
  readonly env: FakeEnvironment;
  readonly context: vm.Context;
  /** Calls a top-level function as Apps Script would. */
  call(name: string, ...args: unknown[]): unknown;
}

/** A fresh context per call: no require, module, process; only the fakes and the language's own globals. */
export function loadBundle(options: Parameters<typeof createFakeEnvironment>[0] = {}): LoadedBundle {
  const env = createFakeEnvironment({ htmlFiles: { sidebar: readSidebar() }, ...options });
  const context = vm.createContext({});
  installFakes(env, context, vm.runInContext('({ Date, Error })', context));
  env.calls.reset();
  vm.runInContext(readFileSync(BUNDLE_PATH, 'utf8'), context, { filename: 'Code.js' });
  return {
    env,
    context,
    call(name, ...args) {
      const fn = context[name];
      if (typeof fn !== 'function') throw new Error(`Code.js has no top-level function ${name}`);
      return fn(...args);
    },
  };
}

function readSidebar(): string {
  try {
    return readFileSync(join(__dirname, '../../dist/sidebar.html'), 'utf8');
  } catch {
    return '<html></html>';
  }
}
