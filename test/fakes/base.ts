// This file defines what every fake shares: the call counter, the counting proxy membrane, the realm and small helpers.

/** Which fake classes (the prefix of a call key) belong to which Apps Script service. */
// biome-ignore format: a table reads better one service per line
const CLASSES_OF_SERVICE = {
  Spreadsheet: ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'NamedRange', 'Ui', 'Menu', 'PromptResponse', 'DataValidationBuilder', 'DataValidation'],
  Document: ['DocumentApp', 'Document', 'Body', 'Paragraph', 'ListItem', 'Table', 'TableRow', 'TableCell', 'HeaderSection', 'FooterSection', 'TableOfContents', 'Text', 'PageBreak', 'HorizontalRule', 'RangeBuilder', 'RangeElement', 'DocumentRange', 'DocumentNamedRange'],
  Docs: ['Documents'],
  Html: ['HtmlService', 'HtmlOutput'],
  Lock: ['LockService', 'Lock'],
  Cache: ['CacheService', 'Cache'],
  Properties: ['PropertiesService', 'Properties'],
  Utilities: ['Utilities'],
  Session: ['Session', 'User'],
  Script: ['ScriptApp'],
  Logger: ['Logger'],
} as const satisfies Record<string, readonly string[]>;
export type ServiceGroup = keyof typeof CLASSES_OF_SERVICE;

/**
 * What a custom function may call (Google's list: Cache, HTML, JDBC, Language, Lock, Maps, Properties, Spreadsheet
 * read-only, URL Fetch, Utilities, XML). Of the services faked here, Session, Document, Script and Logger are not
 * on it; of Spreadsheet only the reading methods are, and never the Ui.
 */
const CUSTOM_FUNCTION_SERVICES: readonly ServiceGroup[] = ['Html', 'Lock', 'Cache', 'Properties', 'Utilities'];
const SPREADSHEET_UI_CLASSES = ['Ui', 'Menu', 'PromptResponse'];
const READING_METHOD = /^(get|is|has)[A-Z]/;

/** Whether a custom function may call `method` of the fake class `service`. */
export function allowedInCustomFunction(service: string, method: string): boolean {
  const group = (Object.keys(CLASSES_OF_SERVICE) as ServiceGroup[]).find((name) =>
    (CLASSES_OF_SERVICE[name] as readonly string[]).includes(service),
  );
  if (group === undefined) return false;
  if (CUSTOM_FUNCTION_SERVICES.includes(group)) return true;
  if (group !== 'Spreadsheet') return false;
  return !SPREADSHEET_UI_CLASSES.includes(service) && method !== 'getUi' && READING_METHOD.test(method);
}

/** The text Apps Script throws when a custom function calls outside its list. */
export function customFunctionRefusal(service: string, method: string): string {
  if (method === 'getUi') return `Cannot call ${service}.getUi() from this context.`;
  return `You do not have permission to call ${service}.${method}`;
}

/** Which mode the fakes run in: a custom function's (`customFunction`) refuses what Sheets refuses there. */
export interface FakeMode {
  customFunction: boolean;
}

/** Test helpers that arrange a scenario are not Apps Script calls, and neither is object plumbing: not counted. */
// biome-ignore format: one short list
const UNCOUNTED = new Set(['constructor', 'toString', 'valueOf', 'toJSON', 'setComputedValue', 'holdElsewhere', 'releaseElsewhere']);

/** Counts calls per `Class.method` key, e.g. 'Range.getValues'. */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  record(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  byService(group: ServiceGroup): number {
    const classes: readonly string[] = CLASSES_OF_SERVICE[group];
    let sum = 0;
    for (const [key, n] of this.counts) if (classes.includes(key.slice(0, key.indexOf('.')))) sum += n;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
  }
}

/**
 * The constructors that values handed to product code must come from. Code loaded into a `vm` context has its
 * own Date and Error, and `instanceof Date` there fails for a host Date.
 */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
}

/** Base of every fake Apps Script object; `service` is the class name used in call keys. */
export abstract class FakeObject {
  abstract readonly service: string;

  toString(): string {
    return this.service;
  }
}

/** Maps each proxy back to its fake, so fakes never hold (and never count calls through) proxies. */
const rawOfProxy = new WeakMap<object, FakeObject>();

const isProxy = (value: unknown): boolean => typeof value === 'object' && value !== null && rawOfProxy.has(value);

/** Turns proxies in call arguments back into fakes (one level of arrays; a 2-D grid of values is left as is). */
export function unwrap<T>(value: T): T {
  if (Array.isArray(value)) {
    return (value.length > 0 && !Array.isArray(value[0]) && value.some(isProxy) ? value.map(unwrap) : value) as T;
  }
  return (isProxy(value) ? rawOfProxy.get(value as object) : value) as T;
}

/**
 * Hands out one counting proxy per fake. Fakes work on each other directly; only what crosses to the code under
 * test goes through a proxy, so internal work is never counted and a 60,000-row getValues counts once.
 */
export class Membrane {
  private readonly proxies = new WeakMap<FakeObject, FakeObject>();

  constructor(
    private readonly calls: CallCounter,
    private readonly realm: Realm,
    private readonly mode: FakeMode = { customFunction: false },
  ) {}

  wrap<T>(value: T): T {
    if (value instanceof FakeObject) return this.proxyFor(value) as T;
    // Results are homogeneous: a list of fakes (getSheets) or plain data (getValues), so the first element decides.
    if (Array.isArray(value) && value[0] instanceof FakeObject) return value.map((v) => this.wrap(v)) as T;
    return value;
  }

  private proxyFor(fake: FakeObject): FakeObject {
    if (rawOfProxy.has(fake)) return fake;
    let proxy = this.proxies.get(fake);
    if (!proxy) {
      proxy = new Proxy(fake, { get: (target, property) => this.member(target, property) });
      this.proxies.set(fake, proxy);
      rawOfProxy.set(proxy, fake);
    }
    return proxy;
  }

  private member(target: FakeObject, property: string | symbol): unknown {
    const value: unknown = Reflect.get(target, property);
    if (typeof value !== 'function' || typeof property !== 'string') return value;
    const key = UNCOUNTED.has(property) ? null : `${target.service}.${property}`;
    return (...args: unknown[]) => {
      if (key) this.calls.record(key);
      if (key && this.mode.customFunction && !allowedInCustomFunction(target.service, property)) {
        throw this.inRealm(new Error(customFunctionRefusal(target.service, property)));
      }
      try {
        return this.wrap(value.apply(target, args.map(unwrap)));
      } catch (error) {
        throw this.inRealm(error);
      }
    };
  }

  private inRealm(error: unknown): unknown {
    if (this.realm.Error === Error || !(error instanceof Error)) return error;
    return new this.realm.Error(error.message);
  }
}

/** UTF-8 size of a string: the unit of the Cache and Properties limits. */
export const byteLength = (text: string): number => new TextEncoder().encode(text).length;

/** True for a Date from any realm (a Date made inside a vm context fails `instanceof Date`). */
export const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/** An Apps Script enum as plain strings: `ParagraphHeading.HEADING1 === 'HEADING1'`. */
export function enumOf<const Name extends string>(names: readonly Name[]): Readonly<Record<Name, Name>> {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name])) as Record<Name, Name>);
}
