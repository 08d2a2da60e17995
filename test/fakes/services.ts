// This file defines the small service fakes: Lock, Cache, Properties, Utilities, Session, ScriptApp and Logger.
import { byteLength, enumOf, FakeObject, isDate } from './base';

// --- LockService -------------------------------------------------------------------------------------------------

type LockKind = 'document' | 'script' | 'user';
type LockHolder = 'nobody' | 'us' | 'elsewhere';

export class FakeLock extends FakeObject {
  readonly service = 'Lock';

  constructor(private readonly state: { holder: LockHolder }) {
    super();
  }

  tryLock(_timeoutInMillis: number): boolean {
    if (this.state.holder === 'elsewhere') return false;
    this.state.holder = 'us';
    return true;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw new Error('Lock timeout: another process was holding the lock for too long.');
    }
  }

  releaseLock = (): void => {
    if (this.state.holder === 'us') this.state.holder = 'nobody';
  };

  hasLock = (): boolean => this.state.holder === 'us';
}

/** Every getXLock() call returns a new Lock on one shared state per kind, as in Apps Script. */
export class FakeLockService extends FakeObject {
  readonly service = 'LockService';
  private readonly states: Record<LockKind, { holder: LockHolder }> = {
    document: { holder: 'nobody' },
    script: { holder: 'nobody' },
    user: { holder: 'nobody' },
  };

  getDocumentLock = (): FakeLock => new FakeLock(this.states.document);
  getScriptLock = (): FakeLock => new FakeLock(this.states.script);
  getUserLock = (): FakeLock => new FakeLock(this.states.user);

  /** Test helper (not counted): another execution holds this lock, so tryLock fails and waitLock throws. */
  holdElsewhere = (kind: LockKind): void => {
    this.states[kind].holder = 'elsewhere';
  };

  /** Test helper (not counted): the other execution lets go. */
  releaseElsewhere = (kind: LockKind): void => {
    this.states[kind].holder = 'nobody';
  };
}

// --- CacheService ------------------------------------------------------------------------------------------------

const CACHE_VALUE_LIMIT = 100 * 1024;
const CACHE_KEY_LIMIT = 250;
const CACHE_MAX_SECONDS = 21_600;

/** A cache whose entries expire by Date.now(), so jest's fake timers can age them. */
export class FakeCache extends FakeObject {
  readonly service = 'Cache';
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) this.entries.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry.value : null;
  }

  put(key: string, value: string, expirationInSeconds = 600): void {
    if (key.length > CACHE_KEY_LIMIT) throw new Error('Argument too large: key');
    if (byteLength(value) > CACHE_VALUE_LIMIT) throw new Error('Argument too large: value');
    const seconds = Math.min(expirationInSeconds, CACHE_MAX_SECONDS);
    this.entries.set(key, { value, expiresAt: Date.now() + seconds * 1000 });
  }

  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) found[key] = value;
    }
    return found;
  }

  putAll = (values: Record<string, string>, expirationInSeconds?: number): void => {
    for (const [key, value] of Object.entries(values)) this.put(key, value, expirationInSeconds);
  };

  remove = (key: string): void => void this.entries.delete(key);
  removeAll = (keys: string[]): void => keys.forEach(this.remove);
}

export class FakeCacheService extends FakeObject {
  readonly service = 'CacheService';
  private readonly caches = { script: new FakeCache(), document: new FakeCache(), user: new FakeCache() };

  getScriptCache = (): FakeCache => this.caches.script;
  getDocumentCache = (): FakeCache => this.caches.document;
  getUserCache = (): FakeCache => this.caches.user;
}

// --- PropertiesService -------------------------------------------------------------------------------------------

const PROPERTY_VALUE_LIMIT = 9 * 1024;
const PROPERTY_STORE_LIMIT = 500 * 1024;

export class FakeProperties extends FakeObject {
  readonly service = 'Properties';
  private readonly values = new Map<string, string>();

  setProperty(key: string, value: string): FakeProperties {
    return this.setProperties({ [key]: value });
  }

  /** Checks the 9 KB value and 500 KB store limits before changing anything, like one Apps Script call. */
  setProperties(properties: Record<string, string>, deleteAllOthers = false): FakeProperties {
    const next = new Map(deleteAllOthers ? [] : this.values);
    for (const [key, value] of Object.entries(properties)) {
      if (byteLength(String(value)) > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
      next.set(key, String(value));
    }
    const storeSize = [...next].reduce((sum, [key, value]) => sum + byteLength(key) + byteLength(value), 0);
    if (storeSize > PROPERTY_STORE_LIMIT) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.values.clear();
    for (const [key, value] of next) this.values.set(key, value);
    return this;
  }

  getProperty = (key: string): string | null => this.values.get(key) ?? null;
  getProperties = (): Record<string, string> => Object.fromEntries(this.values);
  getKeys = (): string[] => [...this.values.keys()];

  deleteProperty = (key: string): FakeProperties => {
    this.values.delete(key);
    return this;
  };

  deleteAllProperties = (): FakeProperties => {
    this.values.clear();
    return this;
  };
}

export class FakePropertiesService extends FakeObject {
  readonly service = 'PropertiesService';
  private readonly stores = {
    script: new FakeProperties(),
    document: new FakeProperties(),
    user: new FakeProperties(),
  };

  getScriptProperties = (): FakeProperties => this.stores.script;
  getDocumentProperties = (): FakeProperties => this.stores.document;
  getUserProperties = (): FakeProperties => this.stores.user;
}

// --- Utilities ---------------------------------------------------------------------------------------------------

// biome-ignore format: one options object
const DATE_PARTS: Intl.DateTimeFormatOptions = { hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' };
/** Java SimpleDateFormat letters the fake supports, as [Intl part, minimum digits]; quoted text ('T') passes through. */
// biome-ignore format: a table
const DATE_TOKENS: Record<string, [Intl.DateTimeFormatPartTypes, number]> = {
  yyyy: ['year', 4], MM: ['month', 2], M: ['month', 1], dd: ['day', 2], d: ['day', 1],
  HH: ['hour', 2], H: ['hour', 1], mm: ['minute', 2], m: ['minute', 1], ss: ['second', 2], s: ['second', 1],
};
const DATE_TOKEN_PATTERN = /'[^']*'|yyyy|MM|M|dd|d|HH|H|mm|m|ss|s/g;

export class FakeUtilities extends FakeObject {
  readonly service = 'Utilities';
  private uuidCount = 0;

  /** Formats in `timeZone` via Intl; other pattern letters throw, so a silently wrong format cannot pass. */
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date)) throw new Error(`The parameters (${typeof date}) don't match the method signature.`);
    const unsupported = /[A-Za-z]/.exec(format.replace(DATE_TOKEN_PATTERN, ''));
    if (unsupported) throw new Error(`The fake Utilities.formatDate does not support the letter ${unsupported[0]}.`);
    const parts = new Intl.DateTimeFormat('en-US', { ...DATE_PARTS, timeZone }).formatToParts(date.getTime());
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return format.replace(DATE_TOKEN_PATTERN, (token) => {
      if (token.startsWith("'")) return token.slice(1, -1) || "'";
      const [type, digits] = DATE_TOKENS[token];
      return part(type).padStart(digits, '0');
    });
  }

  /** Deterministic version-4-shaped ids, so tests can assert them. */
  getUuid = (): string => `00000000-0000-4000-8000-${String(++this.uuidCount).padStart(12, '0')}`;

  /** Does not wait; Utilities.sleep calls are counted like any other. */
  sleep = (_milliseconds: number): void => {};
}

// --- Session, ScriptApp, Logger ----------------------------------------------------------------------------------

export class FakeUser extends FakeObject {
  readonly service = 'User';

  constructor(private readonly email: string) {
    super();
  }

  getEmail = (): string => this.email;
}

export class FakeSession extends FakeObject {
  readonly service = 'Session';

  constructor(private readonly user: FakeUser) {
    super();
  }

  getActiveUser = (): FakeUser => this.user;
  getEffectiveUser = (): FakeUser => this.user;
  getScriptTimeZone = (): string => 'Asia/Tokyo';
  getActiveUserLocale = (): string => 'ja';
  getTemporaryActiveUserKey = (): string => 'fake-temporary-user-key';
}

export class FakeScriptApp extends FakeObject {
  readonly service = 'ScriptApp';
  readonly AuthMode = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);

  getScriptId = (): string => 'fake-script-id';
}

/** Keeps every logged line, so a test can check that nothing personal was logged. */
export class FakeLogger extends FakeObject {
  readonly service = 'Logger';
  readonly lines: string[] = [];

  log(data: unknown, ...values: unknown[]): FakeLogger {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    this.lines.push(values.reduce<string>((line, value) => line.replace('%s', String(value)), text ?? String(data)));
    return this;
  }

  getLog = (): string => this.lines.map((line) => `${line}\n`).join('');

  clear = (): void => {
    this.lines.length = 0;
  };
}
