// This file defines the fake Apps Script environment: building it, installing it as globals, and test helpers.
import { CallCounter, type FakeMode, Membrane, type Realm, unwrap } from './base';
import { FakeDocsDocuments, fakeDocs } from './docs';
import { type FakeDocument, FakeDocumentApp } from './document';
import {
  FakeCacheService,
  FakeLockService,
  FakeLogger,
  FakePropertiesService,
  FakeScriptApp,
  FakeSession,
  FakeUser,
  FakeUtilities,
} from './services';
import { type FakeSheet, FakeSpreadsheet, FakeSpreadsheetApp } from './sheets';
import { FakeHtmlService, FakeUi } from './ui';

export * from './base';
export * from './docs';
export * from './document';
export * from './services';
export * from './sheets';
export * from './ui';

/**
 * The services, typed as @types/google-apps-script declares them (the fakes cover the methods this project uses),
 * plus the fakes' own records for assertions. Every object reached from here counts its calls in `calls`.
 */
export interface FakeEnvironment {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  /**
   * The Docs advanced service over the same documents as DocumentApp (calls count as `Documents.get` and
   * `Documents.batchUpdate`); undefined when the options turn it off, as in a script that has not enabled it.
   */
  Docs: GoogleAppsScript.Docs | undefined;
  /** The fake behind Docs.Documents, for its record of batches (not counted). */
  docsDocuments: FakeDocsDocuments;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Session: GoogleAppsScript.Base.Session;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Logger: GoogleAppsScript.Base.Logger;
  calls: CallCounter;
  /** The active spreadsheet (the same object SpreadsheetApp.getActiveSpreadsheet() returns); `toasts` records toasts. */
  spreadsheet: FakeSpreadsheet;
  /** Documents created with DocumentApp.create, oldest first. */
  readonly documents: FakeDocument[];
  /** Records menus, dialogs and alerts; queue answers in `alertAnswers` / `promptAnswers`. */
  ui: FakeUi;
  /** `locks.holdElsewhere('document')` makes the document lock busy. */
  locks: FakeLockService;
  /** Every line passed to Logger.log. */
  readonly logLines: readonly string[];
  /** HTML project files by name ('sidebar'), read by HtmlService.createHtmlOutputFromFile; tests may add to it. */
  htmlFiles: Record<string, string>;
  /** Date and Error constructors of the code under test; installFakes sets them for a vm context. */
  realm: Realm;
  /**
   * Runs `run` as Sheets runs a custom function: every call outside Google's list for custom functions (Session,
   * DocumentApp, any Spreadsheet write, the Ui…) throws what Apps Script throws. The mode ends when `run` returns.
   */
  asCustomFunction<T>(run: () => T): T;
}

export interface FakeEnvironmentOptions {
  /** Tab name → rows (row 1 = headers): strings, numbers, booleans, Dates, '' for blanks. */
  sheets?: Record<string, unknown[][]>;
  htmlFiles?: Record<string, string>;
  userEmail?: string;
  /** false: the Docs advanced service is not enabled (no `Docs` global). Default true. */
  advancedDocs?: boolean;
}

/** Lets fakeSheet hand out counting proxies without widening FakeEnvironment. */
const membraneOf = new WeakMap<FakeEnvironment, Membrane>();

export function createFakeEnvironment(options: FakeEnvironmentOptions = {}): FakeEnvironment {
  const realm: Realm = { Date, Error };
  const calls = new CallCounter();
  const mode: FakeMode = { customFunction: false };
  const membrane = new Membrane(calls, realm, mode);
  const htmlFiles = { ...options.htmlFiles };
  const spreadsheet = new FakeSpreadsheet(realm, options.sheets ?? {});
  const ui = new FakeUi();
  const documentApp = new FakeDocumentApp();
  const docsDocuments = new FakeDocsDocuments(documentApp);
  const locks = new FakeLockService();
  const logger = new FakeLogger();
  const session = new FakeSession(new FakeUser(options.userEmail ?? 'staff@example.org'));
  // The fakes implement part of each interface, so the typed view is a cast.
  const typed = <T>(fake: object): T => membrane.wrap(fake) as unknown as T;
  const env: FakeEnvironment = {
    SpreadsheetApp: typed(new FakeSpreadsheetApp(spreadsheet, ui)),
    DocumentApp: typed(documentApp),
    Docs: options.advancedDocs === false ? undefined : typed(fakeDocs(membrane.wrap(docsDocuments))),
    docsDocuments,
    HtmlService: typed(new FakeHtmlService(htmlFiles)),
    LockService: typed(locks),
    CacheService: typed(new FakeCacheService()),
    PropertiesService: typed(new FakePropertiesService()),
    Utilities: typed(new FakeUtilities()),
    Session: typed(session),
    ScriptApp: typed(new FakeScriptApp()),
    Logger: typed(logger),
    calls,
    spreadsheet: membrane.wrap(spreadsheet),
    get documents() {
      return membrane.wrap([...documentApp.documents]);
    },
    ui: membrane.wrap(ui),
    locks: membrane.wrap(locks),
    logLines: logger.lines,
    htmlFiles,
    realm,
    asCustomFunction(run) {
      const previous = mode.customFunction;
      mode.customFunction = true;
      try {
        return run();
      } finally {
        mode.customFunction = previous;
      }
    },
  };
  membraneOf.set(env, membrane);
  return env;
}

// biome-ignore format: one list
const SERVICE_NAMES = ['SpreadsheetApp', 'DocumentApp', 'Docs', 'HtmlService', 'LockService', 'CacheService', 'PropertiesService', 'Utilities', 'Session', 'ScriptApp', 'Logger'] as const;

/**
 * Sets the service globals on `target` (globalThis, or a vm context's global object) and returns a function that
 * restores what was there. For a vm context, pass its own Date and Error (`vm.runInContext('({ Date, Error })',
 * context)`) so the code inside sees Dates it can test with `instanceof Date` and errors with `instanceof Error`.
 * Arrays and plain objects stay the host's: `Array.isArray` works on them, `instanceof Array` does not.
 */
export function installFakes(env: FakeEnvironment, target: object = globalThis, realm?: Partial<Realm>): () => void {
  const globals = target as Record<string, unknown>;
  const previous = SERVICE_NAMES.map((name) => Object.getOwnPropertyDescriptor(globals, name));
  const previousRealm = { ...env.realm };
  Object.assign(env.realm, realm);
  for (const name of SERVICE_NAMES) {
    // A service that is not enabled is no global at all (referring to it throws a ReferenceError).
    if (env[name] === undefined) delete globals[name];
    else
      Object.defineProperty(globals, name, { value: env[name], configurable: true, writable: true, enumerable: true });
  }
  return () => {
    SERVICE_NAMES.forEach((name, i) => {
      const descriptor = previous[i];
      if (descriptor) Object.defineProperty(globals, name, descriptor);
      else delete globals[name];
    });
    Object.assign(env.realm, previousRealm);
  };
}

/** The sheet named `name`, found without counting a call; throws when there is none. */
export function fakeSheet(env: FakeEnvironment, name: string): FakeSheet {
  const sheet = unwrap(env.spreadsheet).getSheetByName(name);
  if (!sheet) throw new Error(`The fake spreadsheet has no tab named ${name}.`);
  return membraneOf.get(env)?.wrap(sheet) ?? sheet;
}

/** The stored values of a tab (dense, up to its last non-empty cell), read without counting a call. */
export function sheetValues(env: FakeEnvironment, name: string): unknown[][] {
  const { cells } = unwrap(fakeSheet(env, name));
  return cells.read(1, 1, cells.lastRow, cells.lastColumn, (value) =>
    value instanceof Date ? new Date(value.getTime()) : value,
  );
}
