// This file defines the sidebar's typed calls to the Apps Script functions of src/index.ts through google.script.run.
// Only types are imported from src/: esbuild erases them, so no server code reaches the browser bundle.
import type { FormCheckResponse, FormCreateResponse } from '../src/core/form-run';
import type { GenerateResponse, PreviewResponse, SidebarState, UpdateResponse } from '../src/core/sidebar-api';

/** Each server function the sidebar calls: its arguments and what its success handler receives. */
interface ServerFunctions {
  readonly sidebarLoad: { readonly args: [year?: number]; readonly result: SidebarState };
  readonly sidebarPreview: { readonly args: [year?: number]; readonly result: PreviewResponse };
  readonly sidebarGenerate: {
    readonly args: [year?: number | null, kind?: 'jigyo' | 'shokai'];
    readonly result: GenerateResponse;
  };
  readonly sidebarSelectCell: { readonly args: [tab: string, cell: string]; readonly result: boolean };
  readonly sidebarUpdate: { readonly args: [year?: number]; readonly result: UpdateResponse };
  readonly sidebarFormCheck: { readonly args: [url: string, year: number | null]; readonly result: FormCheckResponse };
  readonly sidebarFormCreate: {
    readonly args: [url: string, year: number | null];
    readonly result: FormCreateResponse;
  };
}

export type ServerFunction = keyof ServerFunctions;

/** The part of HtmlService's client API the sidebar uses, declared here so the browser code needs no Apps Script types. */
type ScriptRun = {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
} & { readonly [Name in ServerFunction]: (...args: ServerFunctions[Name]['args']) => void };

declare const google: { readonly script: { readonly run: ScriptRun } };

/** Calls one server function; the promise rejects when the call fails (exception on the server, network, timeout). */
export function callServer<Name extends ServerFunction>(
  name: Name,
  ...args: ServerFunctions[Name]['args']
): Promise<ServerFunctions[Name]['result']> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ServerFunctions[Name]['result']))
      .withFailureHandler(reject);
    (runner[name] as (...values: unknown[]) => void).apply(runner, args);
  });
}

/** What a failure handler received, as text for the error state. */
export function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
