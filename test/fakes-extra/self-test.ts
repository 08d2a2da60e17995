// This file defines what the 動作確認 tests need beyond test/fakes, wrapping them without changing them:
// Spreadsheet.deleteSheet, ScriptApp.getAuthorizationInfo with granted scopes, a planted service failure, and a
// record of which rows of which tab any read touched.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CellGrid,
  type FakeEnvironment,
  FakeObject,
  FakeScriptApp,
  type FakeSheet,
  FakeSpreadsheet,
  unwrap,
} from '../fakes';

/** The scopes appsscript.json asks for: what a user who allows everything has granted. */
export const MANIFEST_SCOPES: readonly string[] = JSON.parse(
  readFileSync(join(__dirname, '../../appsscript.json'), 'utf8'),
).oauthScopes;

const granted = new WeakMap<object, readonly string[]>();

/** AuthorizationInfo as documented: the status, and the granted scopes among those asked about. */
export class FakeAuthorizationInfo extends FakeObject {
  readonly service = 'AuthorizationInfo';

  constructor(
    private readonly grantedScopes: readonly string[],
    private readonly asked: readonly string[] | undefined,
  ) {
    super();
  }

  getAuthorizationStatus = (): string =>
    (this.asked ?? MANIFEST_SCOPES).every((scope) => this.grantedScopes.includes(scope)) ? 'NOT_REQUIRED' : 'REQUIRED';

  getAuthorizedScopes = (): string[] =>
    (this.asked ?? MANIFEST_SCOPES).filter((scope) => this.grantedScopes.includes(scope));

  getAuthorizationUrl = (): string | null =>
    this.getAuthorizationStatus() === 'REQUIRED' ? 'https://script.google.com/authorize' : null;
}

interface SpreadsheetInternals {
  sheets: FakeSheet[];
  activeSheet: FakeSheet;
  setActiveSheet(sheet: FakeSheet): FakeSheet;
}

/**
 * Adds the two methods the fakes lack, on their prototypes (an own method of the fakes, should they grow one, wins).
 * deleteSheet refuses the last sheet and a sheet that is not there, as Apps Script does.
 */
export function extendFakes(): void {
  const spreadsheet = FakeSpreadsheet.prototype as unknown as Record<string, unknown>;
  spreadsheet.deleteSheet = function deleteSheet(this: SpreadsheetInternals, sheet: FakeSheet): void {
    const index = this.sheets.indexOf(sheet);
    if (index < 0) throw new Error('Sheet not found');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(index, 1);
    if (this.activeSheet === sheet) this.setActiveSheet(this.sheets[0]);
  };
  const scriptApp = FakeScriptApp.prototype as unknown as Record<string, unknown>;
  scriptApp.getAuthorizationInfo = function getAuthorizationInfo(
    this: object,
    _authMode: string,
    scopes?: string[],
  ): FakeAuthorizationInfo {
    return new FakeAuthorizationInfo(granted.get(this) ?? MANIFEST_SCOPES, scopes);
  };
}

/** The scopes the user granted (granular consent lets a user leave some out); default: all the manifest's. */
export function grantScopes(env: FakeEnvironment, scopes: readonly string[]): void {
  granted.set(unwrap(env.ScriptApp) as object, scopes);
}

/** Makes `service.method` throw `message`, as a failing Google service would (the call is still counted). */
export function plantFailure(service: object, method: string, message: string): void {
  Object.defineProperty(unwrap(service), method, {
    value: () => {
      throw new Error(message);
    },
    configurable: true,
    writable: true,
  });
}

/** Which rows of which tab were read or formatted: every CellGrid.read, by tab name. */
export function recordTouchedRows(env: FakeEnvironment): { rows: Map<string, Set<number>>; stop: () => void } {
  const rows = new Map<string, Set<number>>();
  const nameOf = (grid: CellGrid): string => {
    for (const sheet of unwrap(env.spreadsheet).getSheets()) if (sheet.cells === grid) return sheet.getName();
    return '(removed tab)';
  };
  const original = CellGrid.prototype.read;
  CellGrid.prototype.read = function read(this: CellGrid, row, column, numRows, numColumns, cell) {
    const touched = rows.get(nameOf(this)) ?? new Set<number>();
    for (let r = row; r < row + numRows; r++) touched.add(r);
    rows.set(nameOf(this), touched);
    return original.call(this, row, column, numRows, numColumns, cell) as never;
  };
  return {
    rows,
    stop: () => {
      CellGrid.prototype.read = original;
    },
  };
}
