// This file defines reading: raw 2-D cell grids (as getValues or a file gives them) → typed records plus located issues.
import {
  type CellResult,
  type CellValue,
  cellToText,
  foldWidth,
  isBlank,
  normalizeText,
  parseBoolean,
  parseDate,
  parseInteger,
  parseText,
  parseYen,
  quickDay,
  quickInteger,
  quickText,
} from './cells';
import { parseFiscalYear } from './era';
import { isFiscalYearInRange } from './input-rules';
import { a1, type IssueDraft, MASKED_VALUE } from './issues';
import type { LocalWords } from './messages';
import type { HeadingOverride, Settings, TabLayout, Workbook } from './records';
import { isOverridableText } from './report-labels';
import {
  type ColumnDef,
  type ColumnType,
  SETTINGS,
  type SettingDef,
  type SettingKey,
  settingDef,
  TABS,
  type TabDef,
  type TabKey,
} from './schema';

export type Grid = readonly (readonly CellValue[])[];

export interface RawTab {
  readonly name: string;
  readonly values: Grid;
  /**
   * The same rows one at a time, when the adapter can hand them out without holding the whole grid (the local
   * runner's big CSV files): readTable then keeps no row longer than it takes to make its record. `visit` stops the
   * rows by returning false. A data row is only lent to `visit` (the runner refills one array): copy it to keep it.
   */
  readonly eachRow?: (visit: (row: readonly CellValue[], index: number) => boolean | undefined) => void;
}

/** A workbook as an adapter hands it over: tabs by name, each with its values from row 1. */
export interface RawWorkbook {
  readonly tabs: readonly RawTab[];
  /** Problems the adapter met while reading the file (a CSV file's undecodable bytes); reported with the others. */
  readonly issues?: readonly IssueDraft[];
  /** The words of those problems' codes that only this adapter raises (LocalIssueCode), in both languages. */
  readonly words?: LocalWords;
}

export interface ReadOptions {
  /** Read only these tabs (a custom formula reads what it needs); the others read as empty, without issues. */
  readonly tabs?: readonly TabKey[];
}

export interface ReadResult {
  readonly workbook: Workbook;
  readonly issues: readonly IssueDraft[];
}

/** Matching key for tab names and headers: width-folded, trimmed, case-insensitive. */
export function matchKey(text: string): string {
  return isPlainAscii(text) ? text.toLowerCase() : normalizeText(text).toLowerCase();
}

/**
 * Printable ASCII without spaces (`C0012`, `K12`): text that normalizeText leaves as it is. Most IDs are; checked
 * first because the validators fold every ID of 参加者ID (several per イベント row).
 */
function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x21 || code > 0x7e) return false;
  }
  return true;
}

/** Finds the tab for a definition by its Japanese name or English alias (the first, when several match). */
export function findTab(raw: RawWorkbook, def: Pick<TabDef, 'ja' | 'en'>): RawTab | undefined {
  return findTabs(raw, def)[0];
}

/** Every tab that means this definition: `費用` and `Costs`, or `費用` and `費用 ` with a trailing blank, are the same tab. */
export function findTabs(raw: RawWorkbook, def: Pick<TabDef, 'ja' | 'en'>): RawTab[] {
  const names = new Set([matchKey(def.ja), matchKey(def.en)]);
  return raw.tabs.filter((tab) => names.has(matchKey(tab.name)));
}

const EXPECTED_FORMS: Partial<Record<ColumnType, string>> = {
  date: '2022/4/1、2022-04-01、令和4年4月1日、R4.4.1',
  count: '12',
  yen: '50000、50,000円、50千円',
  boolean: 'はい、いいえ',
};

interface ColumnMatch {
  readonly def: ColumnDef;
  readonly index: number;
  readonly header: string;
}

interface HeaderResult {
  readonly matches: readonly ColumnMatch[];
  readonly layout: TabLayout;
  readonly issues: readonly IssueDraft[];
}

/** Matches row 1 against the tab's columns: any order, extra columns ignored, a header given twice is an error. */
export function matchHeaders(tabName: string, def: TabDef, headerRow: readonly CellValue[]): HeaderResult {
  const byKey = new Map<string, ColumnDef>();
  for (const column of def.columns) {
    byKey.set(matchKey(column.ja), column);
    byKey.set(matchKey(column.en), column);
  }
  const matches: ColumnMatch[] = [];
  const issues: IssueDraft[] = [];
  const seen = new Map<string, number>();
  headerRow.forEach((cell, index) => {
    const header = cellToText(cell);
    const column = header === '' ? undefined : byKey.get(matchKey(header));
    if (!column) return;
    const first = seen.get(column.key);
    if (first !== undefined) {
      issues.push({
        severity: 'error',
        code: 'duplicate_header',
        tab: tabName,
        cell: a1(index, 1),
        column: column.ja,
        value: header,
        params: { other: a1(first, 1).replace(/\d+$/, '') },
      });
      return;
    }
    seen.set(column.key, index);
    matches.push({ def: column, index, header });
  });
  const width = headerRow.length;
  for (const column of def.columns) {
    if (column.required && !seen.has(column.key)) {
      issues.push({
        severity: 'error',
        code: 'missing_column',
        tab: tabName,
        cell: a1(width, 1),
        column: column.ja,
        value: '',
      });
    }
  }
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  for (const match of matches) {
    columns[match.def.key] = match.index;
    headers[match.def.key] = match.header;
  }
  return { matches, layout: { name: tabName, columns, headers }, issues };
}

type Parser = (value: CellValue) => CellResult<unknown>;

function parseCount(value: CellValue): CellResult<number> {
  return parseInteger(value);
}

const PARSERS: Record<ColumnType, Parser> = {
  text: parseText,
  id: parseText,
  template: parseText,
  choice: parseText,
  idList: parseText,
  date: parseDate,
  count: parseCount,
  yen: parseYen,
  boolean: parseBoolean,
};

/** The quick read (cells.ts) that each column type's parser begins with: a value without a result object. */
const QUICK_READS: Record<ColumnType, (value: CellValue) => string | number | null | undefined> = {
  text: quickText,
  id: quickText,
  template: quickText,
  choice: quickText,
  idList: quickText,
  date: quickDay,
  count: quickInteger,
  yen: quickInteger,
  boolean: noQuickRead,
};

/** A boolean cell has no quick read: its words are few and its columns rare. */
function noQuickRead(): undefined {
  return undefined;
}

let personRowColumns: ReadonlySet<object> | undefined;

/** The value as an issue may show it: person-level columns, and every column of a person-row tab (候補者), are masked. */
export function shownValue(def: Pick<ColumnDef, 'personal'>, value: CellValue): string {
  personRowColumns ??= new Set(
    (TABS as readonly TabDef[]).filter((tab) => tab.personRows).flatMap((tab) => tab.columns),
  );
  if (def.personal || personRowColumns.has(def)) return MASKED_VALUE;
  return cellToText(value);
}

/** Index of the last row (0-based) holding anything but blanks; trailing blank rows are not data. */
function lastDataRow(values: Grid): number {
  for (let r = values.length - 1; r >= 1; r--) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return r;
  }
  return 0;
}

const ID_SEPARATORS = /[,、，;；\s]+/;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;

/** Printable ASCII joined by single commas, none first or last: text whose split by ',' is its list of IDs. */
function isPlainIdList(text: string): boolean {
  let previous = COMMA;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x21 || code > 0x7e || code === SEMICOLON || (code === COMMA && previous === COMMA)) return false;
    previous = code;
  }
  return previous !== COMMA;
}

/**
 * The IDs of a list cell. Most are printable ASCII joined by single commas (C0012,C0345), which need no folding, and
 * whose split by ',' is already the list: an array of exactly their number, where the general path's filter left
 * room for 16 (the lists of 60,000 イベント rows took 12.3 MB, now 5.3 MB).
 */
function splitIds(text: string): string[] {
  if (isPlainIdList(text)) return text.split(',');
  return normalizeText(text)
    .split(ID_SEPARATORS)
    .filter((id) => id !== '');
}

/** Makes the Set of allowed choices once per column. */
function choiceSet(def: ColumnDef): Map<string, string> | undefined {
  if (def.type !== 'choice' || !def.choices) return undefined;
  return new Map(def.choices.map((choice) => [matchKey(choice), choice]));
}

/** Distinct texts a column remembers: enough for every 事業内容, 種別 or 費目, and a bound for columns of unique IDs. */
const CANONICAL_MEMO_LIMIT = 1000;

/**
 * How a cell's text is stored, for choice and ID columns: the choice as defined, the width-folded text, or null for
 * a value not among closed choices. Folding (NFKC) is the costly part of reading these cells, and these columns repeat
 * a few values on every row, so each column remembers what it has seen.
 */
function canonicalText(def: ColumnDef): ((text: string) => string | null) | undefined {
  const choices = choiceSet(def);
  if (!choices && def.type !== 'id') return undefined;
  const resolve = (text: string): string | null => {
    if (!choices) return normalizeText(text);
    const choice = choices.get(matchKey(text));
    if (choice) return choice;
    return def.openChoices ? normalizeText(text) : null;
  };
  const memo = new Map<string, string | null>();
  const plainIds = !choices;
  return (text) => {
    // An ID such as C0012 is already in its folded form: most ID cells are unique, so the memo would only miss.
    if (plainIds && isPlainAscii(text)) return text;
    const seen = memo.get(text);
    if (seen !== undefined) return seen;
    const result = resolve(text);
    if (memo.size < CANONICAL_MEMO_LIMIT) memo.set(text, result);
    return result;
  };
}

/** Distinct texts shared per column: enough for every 事業内容, 勘定科目 or 国籍, not for every ID or name. */
const SHARED_TEXTS = 1000;

/**
 * The first record's string for a text that repeats down a column (事業内容, 名称, 勘定科目, 国籍…): the records of
 * a big tab then hold one string per distinct text instead of one per cell, which was a tenth of their memory.
 */
function shareText(shared: Map<string, string>, text: string): string {
  // A column that has met that many distinct texts holds names or IDs: looking each next one up would only miss.
  if (shared.size >= SHARED_TEXTS) return text;
  const first = shared.get(text);
  if (first !== undefined) return first;
  shared.set(text, text);
  return text;
}

/** A tab's rows from row 1 on, as a grid or one at a time (RawTab.eachRow). */
type Rows = Grid | Required<Pick<RawTab, 'eachRow'>>;

/**
 * Calls `visit` with each row from the header on (0-based index); false from the header's visit stops the rows. A
 * grid's trailing blank rows are skipped. One pass for header and data: the runner decodes a big CSV file each time
 * its rows are read.
 */
function forEachRow(rows: Rows, visit: (row: readonly CellValue[], index: number) => boolean | undefined): void {
  if ('eachRow' in rows) {
    rows.eachRow(visit);
    return;
  }
  if (rows.length === 0 || visit(rows[0], 0) === false) return;
  const last = lastDataRow(rows);
  for (let r = 1; r <= last; r++) visit(rows[r], r);
}

/** The rows of a tab for readTable: one at a time when the adapter offers them so. */
function rowsOf(tab: RawTab): Rows {
  return tab.eachRow ? { eachRow: tab.eachRow } : tab.values;
}

function readTable(
  tabName: string,
  def: TabDef,
  rows: Rows,
): { records: object[]; layout: TabLayout; issues: IssueDraft[] } {
  const issues: IssueDraft[] = [];
  const records: object[] = [];
  // Typed by assertion: the callback below assigns them, which the compiler's narrowing does not see.
  let layout = undefined as TabLayout | undefined;
  let readRow = undefined as RowReader | undefined;
  // The header is the first row of the same pass as the data; a tab without rows has an empty one.
  const start = (cells: readonly CellValue[]): TabLayout => {
    const header = matchHeaders(tabName, def, cells);
    issues.push(...header.issues);
    if (!header.issues.some((issue) => issue.code === 'missing_column')) {
      readRow = rowReader(tabName, def, header.matches, issues, records);
    }
    return header.layout;
  };
  forEachRow(rows, (row, index) => {
    if (index === 0) {
      layout = start(row);
      // Without its columns the tab has no records: its rows are not read.
      return readRow !== undefined;
    }
    readRow?.(row, index);
    return undefined;
  });
  return { records, layout: layout ?? start([]), issues };
}

type RowReader = (row: readonly CellValue[], index: number) => void;

type RecordMaker = (row: number, values: readonly unknown[]) => Record<string, unknown>;

/**
 * A function returning a tab's record as one object literal: its row number, `values[i]` under `matched[i]`, and
 * null under each column missing from the sheet (a new [] for a list). The keys are the schema's, quoted by
 * JSON.stringify. Where code generation from text is refused (a strict content security policy), the function
 * sets the same keys in the same order one by one.
 */
function recordMaker(matched: readonly string[], missing: readonly ColumnDef[]): RecordMaker {
  const empty = (column: ColumnDef) => (column.type === 'idList' ? [] : null);
  const fields = [
    'row: row',
    ...matched.map((key, i) => `${JSON.stringify(key)}: values[${i}]`),
    ...missing.map((column) => `${JSON.stringify(column.key)}: ${JSON.stringify(empty(column))}`),
  ];
  try {
    return new Function('row', 'values', `return { ${fields.join(', ')} };`) as RecordMaker;
  } catch {
    return (row, values) => {
      const record: Record<string, unknown> = { row };
      matched.forEach((key, i) => {
        record[key] = values[i];
      });
      for (const column of missing) record[column.key] = empty(column);
      return record;
    };
  }
}

/** Turns each data row into a record of the tab (pushed onto `records`), its cell problems onto `issues`. */
function rowReader(
  tabName: string,
  def: TabDef,
  matches: readonly ColumnMatch[],
  issues: IssueDraft[],
  records: object[],
): RowReader {
  // One literal, each field always of one kind (a function or null, never undefined): the row loop below reads these
  // on every cell, and objects spread from the matches came in so many shapes that V8 read each field the slow
  // (megamorphic) way: validate 6.61 → 5.94 G instructions.
  const columns = matches.map((match) => ({
    def: match.def,
    index: match.index,
    header: match.header,
    key: match.def.key,
    required: match.def.required === true,
    parse: PARSERS[match.def.type],
    quick: QUICK_READS[match.def.type],
    canonical: canonicalText(match.def) ?? null,
    isIdList: match.def.type === 'idList',
    isCount: match.def.type === 'count',
    shared: new Map<string, string>(),
  }));
  const unmatched = def.columns.filter((column) => !columns.some((match) => match.key === column.key));
  // Each record is made by an object literal holding every key (the schema's keys, never a sheet's text, quoted by
  // JSON.stringify) in a function made once per tab. Adding 18 keys one by one by name (候補者) turned each record into
  // a slow dictionary object; a copy of a template object was fast, but only a literal has an allocation site, through
  // which V8 sees that these objects all outlive the young generation and then allocates them in the old one directly,
  // instead of copying each of them twice: validate 8.30 → 7.79 G instructions, html 8.47 → 7.96 G. The literal takes
  // the row's values from one array refilled for each row: stored by key into records of every tab, each went through
  // V8's megamorphic store (5.94 → 5.60 G).
  const newRecord = recordMaker(
    columns.map((column) => column.key),
    unmatched,
  );
  const values: unknown[] = columns.map(() => null);
  // Built only for an issue: most cells have none, and the A1 text is not free.
  const at = (column: ColumnMatch, rowNumber: number) => ({
    tab: tabName,
    cell: a1(column.index, rowNumber),
    column: column.header,
  });
  return (row, r) => {
    let anything = false;
    for (const column of columns) {
      if (!isBlank(row[column.index])) {
        anything = true;
        break;
      }
    }
    if (!anything) return;
    const rowNumber = r + 1;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c];
      const cell = row[column.index];
      let value = column.quick(cell) as unknown;
      const result = value === undefined ? column.parse(cell) : undefined;
      if (result !== undefined && !result.ok) {
        issues.push({
          severity: 'error',
          // Each CellProblem is the IssueCode of the same name.
          code: result.problem,
          ...at(column, rowNumber),
          value: shownValue(column.def, cell),
          params: { expected: EXPECTED_FORMS[column.def.type] },
        });
        values[c] = column.isIdList ? [] : null;
        continue;
      }
      if (result !== undefined) value = result.value;
      if (value === null && column.required) {
        issues.push({ severity: 'error', code: 'required', ...at(column, rowNumber), value: '' });
      }
      if (column.isCount && typeof value === 'number' && value < 0) {
        issues.push({ severity: 'error', code: 'negative_count', ...at(column, rowNumber), value: cellToText(cell) });
        value = null;
      }
      if (column.canonical && typeof value === 'string') {
        const canonical = column.canonical(value);
        if (canonical === null) {
          issues.push({
            severity: 'error',
            code: 'invalid_choice',
            ...at(column, rowNumber),
            value: cellToText(cell),
            params: { expected: (column.def.choices ?? []).join(' / ') },
          });
        }
        value = canonical;
      }
      if (column.isIdList) values[c] = typeof value === 'string' ? splitIds(value) : [];
      else values[c] = typeof value === 'string' ? shareText(column.shared, value) : value;
    }
    records.push(newRecord(rowNumber, values));
  };
}

const SETTING_EXPECTED: Record<SettingDef['type'], string> = {
  text: '',
  year: '2022',
  month: '1〜12',
  date: '2022/10/1',
  count: '3',
  choice: '',
  yen: '12,345,678 / 12,346千円',
};

/** Reads the 設定 tab's 項目/値 rows; unknown 項目 are warned about, missing required ones are errors. */
/** The lowest 秘匿しきい値 that keeps a 属性 group of one or two people out of the report. */
export const RECOMMENDED_THRESHOLD = 3;

function readSettings(
  tab: RawTab | undefined,
  def: TabDef,
): { settings: Settings; layout: TabLayout; issues: IssueDraft[] } {
  const tabName = tab?.name ?? def.ja;
  const table = tab ? readTable(tabName, def, tab.values) : { records: [], layout: emptyLayout(null), issues: [] };
  const issues: IssueDraft[] = [...table.issues];
  const byName = new Map<string, SettingDef>();
  for (const setting of SETTINGS) {
    byName.set(matchKey(setting.ja), setting);
    byName.set(matchKey(setting.en), setting);
  }
  const valueColumn = table.layout.columns.value ?? 1;
  const found = new Map<string, unknown>();
  const rows = new Map<string, number>();
  const invalid = new Set<string>();
  const headingOverrides: HeadingOverride[] = [];
  const source = tab?.values ?? [];
  for (const record of table.records as { row: number; item: string | null }[]) {
    if (record.item === null) continue;
    const override = readHeadingOverride(record.item, source[record.row - 1]?.[valueColumn]);
    if (override !== null) {
      const cell = a1(table.layout.columns.item ?? 0, record.row);
      const blank = override.target === '' || override.text === '';
      // A target the report never prints would silently do nothing: warn, naming the 項目 cell.
      if (!blank && isOverridableText(override.target)) headingOverrides.push({ ...override, cell });
      else
        issues.push({
          severity: 'warning',
          code: blank ? 'invalid_heading_override' : 'unknown_heading_override',
          tab: tabName,
          cell,
          column: table.layout.headers.item ?? def.columns[0].ja,
          value: record.item,
        });
      continue;
    }
    const setting = byName.get(matchKey(record.item));
    if (!setting) {
      issues.push({
        severity: 'warning',
        code: 'unknown_setting',
        tab: tabName,
        cell: a1(table.layout.columns.item ?? 0, record.row),
        column: table.layout.headers.item ?? def.columns[0].ja,
        value: record.item,
        params: { expected: SETTINGS.map((s) => s.ja).join('、') },
      });
      continue;
    }
    const raw = source[record.row - 1]?.[valueColumn];
    const parsed = parseSetting(setting, raw);
    // The row is there either way: an unreadable value is reported once, never again as a missing setting.
    rows.set(setting.key, record.row);
    if (parsed === undefined) {
      invalid.add(setting.key);
      issues.push({
        severity: 'error',
        code: 'invalid_setting',
        tab: tabName,
        cell: a1(valueColumn, record.row),
        column: setting.ja,
        value: cellToText(raw),
        params: { expected: settingExpectation(setting) },
      });
      continue;
    }
    if (parsed !== null) found.set(setting.key, parsed);
  }
  if (tab) {
    for (const setting of SETTINGS) {
      if (setting.required && !found.has(setting.key) && !invalid.has(setting.key)) {
        const row = rows.get(setting.key);
        // The 項目 row is there with its 値 left blank: point at that 値 cell, not at a new row.
        issues.push({
          severity: 'error',
          code: row === undefined ? 'missing_setting' : 'blank_setting',
          tab: tabName,
          cell: row === undefined ? a1(0, Math.max(2, source.length + 1)) : a1(valueColumn, row),
          column: setting.ja,
          value: '',
          params: { expected: settingExpectation(setting) || undefined },
        });
      }
    }
  }
  const threshold = found.get('suppressionThreshold');
  if (typeof threshold === 'number' && threshold < RECOMMENDED_THRESHOLD) {
    // Allowed (the NPO decides), but a group of one or two people by 属性 would then be printed.
    issues.push({
      severity: 'warning',
      code: 'low_suppression_threshold',
      tab: tabName,
      cell: a1(valueColumn, rows.get('suppressionThreshold') ?? 1),
      column: settingDef('suppressionThreshold').ja,
      value: String(threshold),
    });
  }
  // A setting not typed (or unreadable) takes its default from SETTINGS, null when it has none.
  const pick = <T>(key: SettingKey): T => (found.has(key) ? found.get(key) : (settingDef(key).default ?? null)) as T;
  const settings: Settings = {
    orgName: pick<string | null>('orgName') ?? '',
    fiscalYear: pick('fiscalYear'),
    fiscalStartMonth: pick('fiscalStartMonth'),
    firstYearStart: pick('firstYearStart'),
    rounding: pick('rounding'),
    statementProgramCost: pick('statementProgramCost'),
    settingCells: Object.fromEntries([...rows].map(([key, row]) => [key, a1(valueColumn, row)])),
    suppressionThreshold: pick('suppressionThreshold'),
    language: pick('language'),
    yearStyle: pick('yearStyle'),
    form: pick('form'),
    otherBusiness: pick('otherBusiness'),
    staffUnit: pick('staffUnit'),
    headingOverrides,
  };
  return { settings, layout: table.layout, issues };
}

/** The 項目 prefix of a heading override: `見出し:１．事業の成果` (full-width colon too) replaces that printed text. */
const HEADING_OVERRIDE_PREFIX = '見出し:';

/** A `見出し:<text>` row as {target, text} (either may be blank: then a warning), or null for any other 項目. */
function readHeadingOverride(item: string, raw: CellValue): { target: string; text: string } | null {
  const folded = foldWidth(item).trimStart();
  if (!folded.startsWith(HEADING_OVERRIDE_PREFIX)) return null;
  // The target is compared folded (width, spaces) with the printed texts; the replacement is printed as typed.
  const target = normalizeText(folded.slice(HEADING_OVERRIDE_PREFIX.length));
  const text = parseText(raw);
  return { target, text: text.ok && text.value !== null ? text.value.trim() : '' };
}

/** The issue that 対象年度 is missing or blank, which an explicit year (`--year`, a formula's 年度) stands in for. */
export function isMissingYearSetting(issue: Pick<IssueDraft, 'code' | 'column'>): boolean {
  return (
    (issue.code === 'missing_setting' || issue.code === 'blank_setting') && issue.column === settingDef('fiscalYear').ja
  );
}

function settingExpectation(setting: SettingDef): string {
  return setting.choices ? setting.choices.join(' / ') : SETTING_EXPECTED[setting.type];
}

/** A setting's value, null when blank, undefined when unreadable or out of range. */
function parseSetting(setting: SettingDef, raw: CellValue): unknown {
  if (isBlank(raw)) return null;
  switch (setting.type) {
    case 'text': {
      const text = parseText(raw);
      return text.ok ? text.value : undefined;
    }
    case 'year': {
      // 2022, 2022年度, 令和4年度, R4, 平成12年度 (era.ts); a Date or a serial is not a year.
      const year = parseFiscalYear(raw);
      return year !== undefined && isFiscalYearInRange(year) ? year : undefined;
    }
    case 'month': {
      const month = parseInteger(typeof raw === 'string' ? raw.replace(/月$/, '') : raw);
      return month.ok && month.value !== null && month.value >= 1 && month.value <= 12 ? month.value : undefined;
    }
    case 'count': {
      const count = parseInteger(raw);
      return count.ok && count.value !== null && count.value >= 0 && count.value <= 1000 ? count.value : undefined;
    }
    case 'date': {
      const date = parseDate(raw);
      return date.ok ? date.value : undefined;
    }
    case 'choice': {
      const text = parseText(raw);
      if (!text.ok || text.value === null) return undefined;
      return (setting.choices ?? []).find((choice) => matchKey(choice) === matchKey(text.value as string));
    }
    case 'yen':
      return parseStatementYen(raw);
  }
}

/**
 * 活動計算書の事業費計: whole yen, not negative. Typed in 千円 (`12,346千円`, `12,346千`) it is compared in 千円,
 * since a statement in 千円 would otherwise always differ from the 費用 tab by its own rounding.
 */
function parseStatementYen(raw: CellValue): { yen: number; inThousands: boolean } | undefined {
  const yen = parseYen(raw);
  if (!yen.ok || yen.value === null || yen.value < 0) return undefined;
  // A closing parenthesis may follow: accounting's (0千円) is still typed in 千円.
  const inThousands = typeof raw === 'string' && /千円?[)）]?$/.test(raw.trim()) && yen.value % 1000 === 0;
  return { yen: yen.value, inThousands };
}

function emptyLayout(name: string | null): TabLayout {
  return { name, columns: {}, headers: {} };
}

/** Reads every tab of the contract. Bad data never throws: it becomes issues, and the rest is still read. */
export function readWorkbook(raw: RawWorkbook, options: ReadOptions = {}): ReadResult {
  const wanted = options.tabs ? new Set<TabKey>(options.tabs) : undefined;
  const issues: IssueDraft[] = [];
  const layouts = {} as Record<TabKey, TabLayout>;
  const tables = {} as Record<TabKey, object[]>;
  let settings: Settings | undefined;
  for (const def of TABS as readonly TabDef[]) {
    const found = wanted && !wanted.has(def.key) ? [] : findTabs(raw, def);
    const tab = found[0];
    for (const other of found.slice(1)) {
      issues.push({
        severity: 'error',
        code: 'duplicate_tab',
        tab: tab.name,
        cell: 'A1',
        column: '',
        value: '',
        params: { other: other.name },
      });
    }
    if (!tab && def.required && (!wanted || wanted.has(def.key))) {
      issues.push({ severity: 'error', code: 'missing_tab', tab: def.ja, cell: 'A1', column: '', value: '' });
    }
    if (def.kind === 'settings') {
      const read = readSettings(tab, def);
      settings = read.settings;
      layouts[def.key] = read.layout;
      issues.push(...read.issues);
      continue;
    }
    if (!tab || def.kind === 'log') {
      tables[def.key] = [];
      layouts[def.key] = emptyLayout(tab?.name ?? null);
      continue;
    }
    const read = readTable(tab.name, def, rowsOf(tab));
    tables[def.key] = read.records;
    layouts[def.key] = read.layout;
    issues.push(...read.issues);
  }
  issues.push(...(raw.issues ?? []));
  const workbook = {
    settings: settings as Settings,
    programs: tables.programs,
    candidates: tables.candidates,
    companies: tables.companies,
    jobOrders: tables.jobOrders,
    events: tables.events,
    costs: tables.costs,
    narrative: tables.narrative,
    meetings: tables.meetings,
    forms: tables.forms,
    layouts,
  } as unknown as Workbook;
  return { workbook, issues };
}
