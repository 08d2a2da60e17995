// This file defines the bundle harness: dist/Code.js loaded into a vm context whose globals are the Apps Script fakes.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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
  vm.runInContext(readBuilt(BUNDLE_PATH), context, { filename: 'Code.js' });
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

export const SIDEBAR_PATH = join(__dirname, '../../dist/sidebar.html');

/** A built file, or an error saying how to make it: a test must never run against a bundle that is not there. */
export function readBuilt(path: string): string {
  if (!existsSync(path)) {
    throw new Error(`${relative(join(__dirname, '../..'), path)} is missing: run \`npm run build\` first`);
  }
  return readFileSync(path, 'utf8');
}

function readSidebar(): string {
  return readBuilt(SIDEBAR_PATH);
}
