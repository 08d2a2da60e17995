// This file defines the SpreadsheetApp fake: cell storage, ranges, sheets, the spreadsheet and data validation rules.
import { enumOf, FakeObject, isDate, type Realm, unwrap } from './base';
import type { FakeUi } from './ui';

type Rows = readonly (readonly unknown[])[];

const KEY_STRIDE = 20_000; // more than the 18,278 columns a sheet can have
const cellKey = (row: number, column: number): number => row * KEY_STRIDE + column;
const isBlank = (value: unknown): boolean => value === '' || value === null || value === undefined;
const isFormula = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 1 && value[0] === '=';

/** What a cell stores for a written value: '' for blanks, a private copy of a Date. */
function storedValue(value: unknown): unknown {
  if (isBlank(value)) return '';
  return isDate(value) ? new Date(value.getTime()) : value;
}

/** Cell storage of one sheet: dense values up to the last non-empty cell, sparse formulas, formats and widths. */
export class CellGrid {
  private values: unknown[][] = [];
  private readonly formulas = new Map<number, string>();
  private readonly formats = new Map<number, Record<string, unknown>>();
  private readonly columnWidths = new Map<number, number>();
  maxRows: number;
  maxColumns: number;

  constructor(rows: Rows) {
    this.maxRows = Math.max(1000, rows.length);
    this.maxColumns = rows.reduce((max, row) => Math.max(max, row.length), 26);
    if (rows.length > 0) this.write(1, 1, rows);
  }

  get lastRow(): number {
    return this.values.length;
  }

  get lastColumn(): number {
    return this.values[0]?.length ?? 0;
  }

  read<T>(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    cell: (v: unknown, r: number, c: number) => T,
  ): T[][] {
    const out: T[][] = [];
    for (let r = row; r < row + numRows; r++) {
      const source = this.values[r - 1];
      const line = new Array<T>(numColumns);
      for (let c = 0; c < numColumns; c++) line[c] = cell(source?.[column - 1 + c] ?? '', r, column + c);
      out.push(line);
    }
    return out;
  }

  /** Writes values as Apps Script does: a string starting with '=' becomes a formula, any other value replaces one. */
  write(row: number, column: number, data: Rows): void {
    const width = data.reduce((max, line) => Math.max(max, line.length), 0);
    if (width === 0) return;
    this.ensureSize(row + data.length - 1, column + width - 1);
    let blanked = false;
    data.forEach((line, i) => {
      const target = this.values[row - 1 + i];
      line.forEach((value, j) => {
        const key = cellKey(row + i, column + j);
        this.formulas.delete(key);
        if (isFormula(value)) this.formulas.set(key, value);
        target[column - 1 + j] = isFormula(value) ? '' : storedValue(value);
        blanked ||= isBlank(value);
      });
    });
    if (blanked) this.trim();
  }

  /** Sets the value a formula cell shows, keeping its formula (the fake cannot evaluate formulas). */
  setComputed(row: number, column: number, value: unknown): void {
    this.grow(row, column);
    this.ensureSize(row, column);
    this.values[row - 1][column - 1] = storedValue(value);
    if (isBlank(value)) this.trim();
  }

  formulaAt(row: number, column: number): string {
    return this.formulas.get(cellKey(row, column)) ?? '';
  }

  formatAt(row: number, column: number, name: string): unknown {
    return this.formats.get(cellKey(row, column))?.[name];
  }

  setFormat(row: number, column: number, name: string, value: unknown): void {
    const key = cellKey(row, column);
    this.formats.set(key, { ...this.formats.get(key), [name]: value });
  }

  columnWidth(column: number): number {
    return this.columnWidths.get(column) ?? 100;
  }

  setColumnWidth(column: number, width: number): void {
    this.columnWidths.set(column, width);
  }

  insertRows(after: number, count: number): void {
    if (this.lastRow > after) {
      this.values.splice(after, 0, ...Array.from({ length: count }, () => new Array(this.lastColumn).fill('')));
    }
    const moved = [this.formulas, this.formats].map((map) => {
      const entries = [...map].map(([key, value]) => {
        const row = Math.floor(key / KEY_STRIDE);
        return [row > after ? key + count * KEY_STRIDE : key, value] as const;
      });
      map.clear();
      return entries;
    });
    for (const [key, value] of moved[0]) this.formulas.set(key, value as string);
    for (const [key, value] of moved[1]) this.formats.set(key, value as Record<string, unknown>);
    this.maxRows += count;
  }

  insertColumns(after: number, count: number): void {
    if (this.lastColumn > after) for (const row of this.values) row.splice(after, 0, ...new Array(count).fill(''));
    const shift = <V>(map: Map<number, V>) => {
      const moved = [...map].map(([key, value]) => {
        const [row, column] = [Math.floor(key / KEY_STRIDE), key % KEY_STRIDE];
        return [column > after ? cellKey(row, column + count) : key, value] as const;
      });
      map.clear();
      for (const [key, value] of moved) map.set(key, value);
    };
    shift(this.formulas);
    shift(this.formats);
    shift(this.columnWidths); // keyed by column alone, which reads as row 0
    this.maxColumns += count;
  }

  /** Grows the stored grid (not the sheet: its dimensions change only by inserting rows or columns, or appendRow). */
  private ensureSize(rows: number, columns: number): void {
    const width = Math.max(columns, this.lastColumn);
    if (width > this.lastColumn) for (const row of this.values) while (row.length < width) row.push('');
    while (this.values.length < rows) this.values.push(new Array(width).fill(''));
  }

  /** The sheet's own growth: appendRow past the last row, or a test helper setting a cell. */
  grow(rows: number, columns: number): void {
    this.maxRows = Math.max(this.maxRows, rows);
    this.maxColumns = Math.max(this.maxColumns, columns);
  }

  /** Throws as Apps Script does for a column outside 1..getMaxColumns(). */
  checkColumns(start: number, count: number): void {
    if (!(start >= 1 && count >= 1 && start + count - 1 <= this.maxColumns)) {
      throw new Error('Those columns are out of bounds.');
    }
  }

  /** Drops trailing blank rows and columns, so the grid ends at the last cell with a value or a formula. */
  private trim(): void {
    const hasContent = (r: number, c: number) =>
      !isBlank(this.values[r][c]) || this.formulas.has(cellKey(r + 1, c + 1));
    const rowHasContent = (r: number) => this.values[r].some((_, c) => hasContent(r, c));
    while (this.values.length > 0 && !rowHasContent(this.values.length - 1)) this.values.pop();
    let width = this.lastColumn;
    while (width > 0 && !this.values.some((_, r) => hasContent(r, width - 1))) width--;
    for (const row of this.values) row.length = width;
  }
}

// --- A1 notation -------------------------------------------------------------------------------------------------

// The end row may be left open ('A2:A'), as Apps Script allows: the range then runs to the sheet's last row.
const A1_PATTERN = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d*))?$/i;

const columnNumber = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function parseA1(a1: string, maxRows: number): { row: number; column: number; numRows: number; numColumns: number } {
  const match = A1_PATTERN.exec(a1.trim());
  if (!match) throw new Error('Range not found');
  const [row1, column1] = [Number(match[2]), columnNumber(match[1])];
  const [row2, column2] = match[3]
    ? [match[4] === '' ? Math.max(maxRows, row1) : Number(match[4]), columnNumber(match[3])]
    : [row1, column1];
  return {
    row: Math.min(row1, row2),
    column: Math.min(column1, column2),
    numRows: Math.abs(row2 - row1) + 1,
    numColumns: Math.abs(column2 - column1) + 1,
  };
}

/** Splits "'費用 2022'!B3" into its sheet name (null when absent) and the cell part. */
function splitSheetName(reference: string): [string | null, string] {
  const bang = reference.lastIndexOf('!');
  if (bang < 0) return [null, reference];
  const name = reference.slice(0, bang);
  const unquoted = name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
  return [unquoted, reference.slice(bang + 1)];
}

// --- Display values ----------------------------------------------------------------------------------------------

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A cell's displayed text: plain String for numbers (grouped for '#,##0' formats), local yyyy/MM/dd for dates. */
function displayValue(value: unknown, numberFormat: unknown): string {
  if (value instanceof Date) {
    const date = `${value.getFullYear()}/${pad2(value.getMonth() + 1)}/${pad2(value.getDate())}`;
    const hasTime = value.getHours() + value.getMinutes() + value.getSeconds() > 0;
    return hasTime ? `${date} ${value.getHours()}:${pad2(value.getMinutes())}:${pad2(value.getSeconds())}` : date;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && typeof numberFormat === 'string' && numberFormat.includes('#,##0')) {
    const decimals = /\.(0+)/.exec(numberFormat)?.[1].length ?? 0;
    return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }
  return String(value);
}

// --- Range -------------------------------------------------------------------------------------------------------

const DEFAULT_FORMATS = {
  numberFormat: '0.###############',
  background: '#ffffff',
  fontWeight: 'normal',
  horizontalAlignment: 'general',
  note: '',
  dataValidation: null,
};
type FormatName = keyof typeof DEFAULT_FORMATS;

export class FakeRange extends FakeObject {
  readonly service = 'Range';

  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
  ) {
    super();
    if (!(row >= 1)) throw new Error('The starting row of the range is too small.');
    if (!(column >= 1)) throw new Error('The starting column of the range is too small.');
    if (!(numRows >= 1)) throw new Error('The number of rows in the range must be at least 1.');
    if (!(numColumns >= 1)) throw new Error('The number of columns in the range must be at least 1.');
    // A sheet has fixed dimensions: a range past them is refused, never silently added.
    if (row + numRows - 1 > sheet.getMaxRows() || column + numColumns - 1 > sheet.getMaxColumns()) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  getValues(): unknown[][] {
    const RealmDate = this.sheet.spreadsheet.realm.Date;
    return this.readCells((value) => (value instanceof Date ? new RealmDate(value.getTime()) : value));
  }

  getDisplayValues(): string[][] {
    return this.readCells((value, r, c) => displayValue(value, this.grid.formatAt(r, c, 'numberFormat')));
  }

  setValues(values: unknown[][]): FakeRange {
    this.checkShape(values, 'setValues');
    this.grid.write(this.row, this.column, values);
    return this;
  }

  setFormulas(formulas: string[][]): FakeRange {
    this.checkShape(formulas, 'setFormulas');
    this.grid.write(this.row, this.column, formulas);
    return this;
  }

  getA1Notation(): string {
    const start = `${columnLetters(this.column)}${this.row}`;
    const single = this.numRows === 1 && this.numColumns === 1;
    return single ? start : `${start}:${columnLetters(this.getLastColumn())}${this.getLastRow()}`;
  }

  getValue = (): unknown => this.topLeft().getValues()[0][0];
  getDisplayValue = (): string => this.topLeft().getDisplayValues()[0][0];
  setValue = (value: unknown): FakeRange => this.setValues(this.filledWith(value));
  getFormulas = (): string[][] => this.readCells((_, r, c) => this.grid.formulaAt(r, c));
  getFormula = (): string => this.grid.formulaAt(this.row, this.column);
  setFormula = (formula: string): FakeRange => this.setFormulas(this.filledWith(formula));
  clearContent = (): FakeRange => this.setValues(this.filledWith(''));
  getRow = (): number => this.row;
  getColumn = (): number => this.column;
  getNumRows = (): number => this.numRows;
  getNumColumns = (): number => this.numColumns;
  getLastRow = (): number => this.row + this.numRows - 1;
  getLastColumn = (): number => this.column + this.numColumns - 1;
  getSheet = (): FakeSheet => this.sheet;
  activate = (): FakeRange => this.sheet.spreadsheet.setActiveRange(this);

  setDataValidation = (rule: FakeDataValidation | null): FakeRange => this.setFormat('dataValidation', rule);
  setDataValidations = (rules: (FakeDataValidation | null)[][]): FakeRange =>
    this.setFormats(
      'dataValidation',
      rules.map((line) => line.map((rule) => unwrap(rule))),
    );
  getDataValidation = (): FakeDataValidation | null => this.formatOf('dataValidation') as FakeDataValidation | null;
  setNumberFormat = (numberFormat: string): FakeRange => this.setFormat('numberFormat', numberFormat);
  setNumberFormats = (numberFormats: string[][]): FakeRange => this.setFormats('numberFormat', numberFormats);
  getNumberFormat = (): string => this.formatOf('numberFormat') as string;
  setFontWeight = (fontWeight: string | null): FakeRange => this.setFormat('fontWeight', fontWeight);
  getFontWeight = (): string => this.formatOf('fontWeight') as string;
  setBackground = (color: string | null): FakeRange => this.setFormat('background', color);
  getBackground = (): string => this.formatOf('background') as string;
  setHorizontalAlignment = (alignment: string | null): FakeRange => this.setFormat('horizontalAlignment', alignment);
  getHorizontalAlignment = (): string => this.formatOf('horizontalAlignment') as string;
  setNote = (note: string | null): FakeRange => this.setFormat('note', note);
  getNote = (): string => this.formatOf('note') as string;
  setNotes = (notes: (string | null)[][]): FakeRange => this.setFormats('note', notes);

  private get grid(): CellGrid {
    return this.sheet.cells;
  }

  private topLeft = (): FakeRange => new FakeRange(this.sheet, this.row, this.column, 1, 1);

  private readCells<T>(cell: (value: unknown, row: number, column: number) => T): T[][] {
    return this.grid.read(this.row, this.column, this.numRows, this.numColumns, cell);
  }

  private filledWith<T>(value: T): T[][] {
    return Array.from({ length: this.numRows }, () => new Array<T>(this.numColumns).fill(value));
  }

  private checkShape(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data) || !data.every(Array.isArray)) {
      throw new Error(
        `The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    const mismatch = (what: string, has: number, wants: number) =>
      new Error(
        `The number of ${what} in the data does not match the number of ${what} in the range. The data has ${has} but the range has ${wants}.`,
      );
    if (data.length !== this.numRows) throw mismatch('rows', data.length, this.numRows);
    const badRow = data.find((line) => line.length !== this.numColumns);
    if (badRow) throw mismatch('columns', badRow.length, this.numColumns);
  }

  private setFormat(name: FormatName, value: unknown): FakeRange {
    this.readCells((_, r, c) => this.grid.setFormat(r, c, name, value));
    return this;
  }

  private setFormats(name: FormatName, values: unknown[][]): FakeRange {
    this.checkShape(values, `set${name[0].toUpperCase()}${name.slice(1)}s`);
    this.readCells((_, r, c) => this.grid.setFormat(r, c, name, values[r - this.row][c - this.column]));
    return this;
  }

  private formatOf(name: FormatName): unknown {
    return this.grid.formatAt(this.row, this.column, name) ?? DEFAULT_FORMATS[name];
  }
}

// --- Sheet -------------------------------------------------------------------------------------------------------

export class FakeSheet extends FakeObject {
  readonly service = 'Sheet';
  readonly cells: CellGrid;
  private frozenRows = 0;
  private hidden = false;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    private name: string,
    private readonly sheetId: number,
    rows: Rows = [],
  ) {
    super();
    this.cells = new CellGrid(rows);
  }

  getRange(a1Notation: string): FakeRange;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): FakeRange;
  getRange(a1OrRow: string | number, column?: number, numRows = 1, numColumns = 1): FakeRange {
    if (typeof a1OrRow === 'number') return new FakeRange(this, a1OrRow, column ?? 0, numRows, numColumns);
    const area = parseA1(splitSheetName(a1OrRow)[1], this.getMaxRows());
    return new FakeRange(this, area.row, area.column, area.numRows, area.numColumns);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.cells.checkColumns(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.cells.setColumnWidth(c, width);
    return this;
  }

  getName = (): string => this.name;
  setName = (name: string): FakeSheet => this.also(() => (this.name = name));
  getSheetId = (): number => this.sheetId;
  getParent = (): FakeSpreadsheet => this.spreadsheet;
  getDataRange = (): FakeRange =>
    new FakeRange(this, 1, 1, Math.max(1, this.cells.lastRow), Math.max(1, this.cells.lastColumn));
  getLastRow = (): number => this.cells.lastRow;
  getLastColumn = (): number => this.cells.lastColumn;
  getMaxRows = (): number => this.cells.maxRows;
  getMaxColumns = (): number => this.cells.maxColumns;
  /** Like Apps Script, appendRow adds a row to a full sheet (and columns for a longer row). */
  appendRow = (rowContents: unknown[]): FakeSheet =>
    this.also(() => {
      this.cells.grow(this.cells.lastRow + 1, rowContents.length);
      this.cells.write(this.cells.lastRow + 1, 1, [rowContents]);
    });
  setFrozenRows = (rows: number): void => {
    this.frozenRows = rows;
  };
  getFrozenRows = (): number => this.frozenRows;
  hideSheet = (): FakeSheet => this.also(() => (this.hidden = true));
  showSheet = (): FakeSheet => this.also(() => (this.hidden = false));
  isSheetHidden = (): boolean => this.hidden;
  setColumnWidth = (columnPosition: number, width: number): FakeSheet => this.setColumnWidths(columnPosition, 1, width);
  getColumnWidth = (columnPosition: number): number => {
    this.cells.checkColumns(columnPosition, 1);
    return this.cells.columnWidth(columnPosition);
  };
  insertColumnsAfter = (afterPosition: number, howMany: number): FakeSheet =>
    this.also(() => {
      this.cells.checkColumns(afterPosition, 1);
      if (!(howMany >= 1)) throw new Error('The number of columns to insert must be at least 1.');
      this.cells.insertColumns(afterPosition, howMany);
    });
  insertRowsAfter = (afterPosition: number, howMany: number): FakeSheet =>
    this.also(() => {
      if (!(afterPosition >= 1 && afterPosition <= this.cells.maxRows))
        throw new Error('Those rows are out of bounds.');
      this.cells.insertRows(afterPosition, howMany);
    });
  activate = (): FakeSheet => this.spreadsheet.setActiveSheet(this);

  /** Test helper (not counted): the value a formula cell shows, since the fake cannot evaluate formulas. */
  setComputedValue = (row: number, column: number, value: unknown): FakeSheet =>
    this.also(() => this.cells.setComputed(row, column, value));

  private also(effect: () => void): FakeSheet {
    effect();
    return this;
  }
}

// --- Spreadsheet -------------------------------------------------------------------------------------------------

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number | undefined;
}

export class FakeNamedRange extends FakeObject {
  readonly service = 'NamedRange';

  constructor(
    private readonly name: string,
    private readonly range: FakeRange,
  ) {
    super();
  }

  getName = (): string => this.name;
  getRange = (): FakeRange => this.range;
}

export class FakeSpreadsheet extends FakeObject {
  readonly service = 'Spreadsheet';
  /** Every toast shown, oldest first. */
  readonly toasts: Toast[] = [];
  private readonly sheets: FakeSheet[] = [];
  private readonly namedRanges = new Map<string, FakeNamedRange>();
  private activeSheet: FakeSheet;
  private activeRange: FakeRange | null = null;
  private nextSheetId = 0;

  constructor(
    readonly realm: Realm,
    tabs: Record<string, Rows>,
  ) {
    super();
    for (const [name, rows] of Object.entries(tabs)) {
      this.sheets.push(new FakeSheet(this, name, this.nextSheetId++, rows));
    }
    if (this.sheets.length === 0) this.sheets.push(new FakeSheet(this, 'シート1', this.nextSheetId++));
    this.activeSheet = this.sheets[0];
  }

  /** insertSheet(), insertSheet(name), insertSheet(index) or insertSheet(name, index); the new sheet becomes active. */
  insertSheet(sheetNameOrIndex?: string | number, sheetIndex?: number): FakeSheet {
    const name = typeof sheetNameOrIndex === 'string' ? sheetNameOrIndex : this.unusedSheetName();
    if (this.getSheetByName(name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this, name, this.nextSheetId++);
    const index = typeof sheetNameOrIndex === 'number' ? sheetNameOrIndex : (sheetIndex ?? this.sheets.length);
    this.sheets.splice(index, 0, sheet);
    return this.setActiveSheet(sheet);
  }

  /** A1 notation with an optional sheet name ("費用!B3"); without one, the active sheet. */
  getRange(a1Notation: string): FakeRange {
    const [sheetName, cells] = splitSheetName(a1Notation);
    const sheet = sheetName === null ? this.activeSheet : this.getSheetByName(sheetName);
    if (!sheet) throw new Error('Range not found');
    return sheet.getRange(cells);
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.activeSheet = sheet;
    this.activeRange = null;
    return sheet;
  }

  setActiveRange(range: FakeRange): FakeRange {
    this.activeSheet = range.getSheet();
    this.activeRange = range;
    return range;
  }

  getId = (): string => 'fake-spreadsheet-id';
  getName = (): string => 'テスト用スプレッドシート';
  getUrl = (): string => `https://docs.google.com/spreadsheets/d/${this.getId()}/edit`;
  private timeZone = 'Asia/Tokyo';
  getSpreadsheetTimeZone = (): string => this.timeZone;
  setSpreadsheetTimeZone = (timezone: string): void => {
    this.timeZone = timezone;
  };
  getSheets = (): FakeSheet[] => [...this.sheets];
  getSheetByName = (name: string): FakeSheet | null => this.sheets.find((sheet) => sheet.getName() === name) ?? null;
  getActiveSheet = (): FakeSheet => this.activeSheet;
  getActiveRange = (): FakeRange => this.activeRange ?? this.activeSheet.getRange(1, 1);
  getRangeByName = (name: string): FakeRange | null => this.namedRanges.get(name)?.getRange() ?? null;
  setNamedRange = (name: string, range: FakeRange): void =>
    void this.namedRanges.set(name, new FakeNamedRange(name, range));
  getNamedRanges = (): FakeNamedRange[] => [...this.namedRanges.values()];
  toast = (msg: string, title = '', timeoutSeconds?: number): void =>
    void this.toasts.push({ message: msg, title, timeoutSeconds });

  private unusedSheetName(): string {
    let n = this.sheets.length + 1;
    while (this.getSheetByName(`シート${n}`)) n++;
    return `シート${n}`;
  }
}

// --- Data validation ---------------------------------------------------------------------------------------------

// biome-ignore format: enum table
const DATA_VALIDATION_CRITERIA = enumOf(['VALUE_IN_LIST', 'VALUE_IN_RANGE', 'DATE_IS_VALID_DATE', 'DATE_BETWEEN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_BETWEEN', 'CHECKBOX']);
type Criteria = keyof typeof DATA_VALIDATION_CRITERIA;

interface RuleParts {
  criteriaType: Criteria | null;
  criteriaValues: readonly unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export class FakeDataValidation extends FakeObject {
  readonly service = 'DataValidation';

  constructor(private readonly parts: RuleParts & { criteriaType: Criteria }) {
    super();
  }

  getCriteriaType = (): Criteria => this.parts.criteriaType;
  getCriteriaValues = (): unknown[] => [...this.parts.criteriaValues];
  getAllowInvalid = (): boolean => this.parts.allowInvalid;
  getHelpText = (): string => this.parts.helpText;
  copy = (): FakeDataValidationBuilder => new FakeDataValidationBuilder({ ...this.parts });
}

export class FakeDataValidationBuilder extends FakeObject {
  readonly service = 'DataValidationBuilder';

  constructor(
    private readonly parts: RuleParts = { criteriaType: null, criteriaValues: [], allowInvalid: true, helpText: '' },
  ) {
    super();
  }

  build(): FakeDataValidation {
    const { criteriaType } = this.parts;
    if (!criteriaType) throw new Error('You must set a criteria before building a data validation rule.');
    return new FakeDataValidation({ ...this.parts, criteriaType });
  }

  requireValueInList = (values: string[], showDropdown = true) =>
    this.criteria('VALUE_IN_LIST', [[...values], showDropdown]);
  requireValueInRange = (range: FakeRange, showDropdown = true) =>
    this.criteria('VALUE_IN_RANGE', [range, showDropdown]);
  requireDate = () => this.criteria('DATE_IS_VALID_DATE', []);
  requireDateBetween = (start: Date, end: Date) => this.criteria('DATE_BETWEEN', [start, end]);
  requireNumberGreaterThanOrEqualTo = (number: number) => this.criteria('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  requireNumberBetween = (start: number, end: number) => this.criteria('NUMBER_BETWEEN', [start, end]);
  requireCheckbox = () => this.criteria('CHECKBOX', []);
  setAllowInvalid = (allowInvalidData: boolean) => this.set({ allowInvalid: allowInvalidData });
  setHelpText = (helpText: string) => this.set({ helpText });

  private criteria = (criteriaType: Criteria, criteriaValues: unknown[]) => this.set({ criteriaType, criteriaValues });

  private set(parts: Partial<RuleParts>): FakeDataValidationBuilder {
    Object.assign(this.parts, parts);
    return this;
  }
}

export class FakeSpreadsheetApp extends FakeObject {
  readonly service = 'SpreadsheetApp';
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA;

  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly ui: FakeUi,
  ) {
    super();
  }

  getActiveSpreadsheet = (): FakeSpreadsheet => this.spreadsheet;
  getActive = (): FakeSpreadsheet => this.spreadsheet;
  getActiveSheet = (): FakeSheet => this.spreadsheet.getActiveSheet();
  getUi = (): FakeUi => this.ui;
  flush = (): void => {};
  newDataValidation = (): FakeDataValidationBuilder => new FakeDataValidationBuilder();
}
