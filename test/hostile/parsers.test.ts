// Hostile input for the cell parsers: the exponential date cell of issue 10 and times that do not exist, through the bundle's custom formulas and the core's check.
import { checkWorkbook } from '../../src/core/pipeline';
import { readWorkbook } from '../../src/core/read-workbook';
import { loadBundle } from '../helpers/bundle';
import { rawWorkbook } from '../helpers/raw';
import { sampleSheets } from '../helpers/sample';

/** `2022/4/1(` + `日  ` × n + `x`: 52 characters took 0.2 s, 58 took 1.3 s and 64 took 12 s before. */
const evilDate = (repeats: number): string => `2022/4/1(${'日  '.repeat(repeats)}x`;

const DATE_FORMS = '2022/4/1、2022-04-01、令和4年4月1日、R4.4.1';
// A linear parse of these inputs takes milliseconds; the old regexes took seconds to hours.
const QUICK_MS = 1000;

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

function thrown(run: () => unknown): { name: string; message: string } {
  try {
    run();
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected the formula to throw');
}

describe('the date cell of issue 10 in a custom formula of the bundle (dist/Code.js)', () => {
  const bundle = loadBundle();
  // As Sheets runs a formula cell: custom-function mode, where a service outside Google's list throws.
  const newContacts = (...args: unknown[]) => bundle.env.asCustomFunction(() => bundle.call('NEW_CONTACTS', ...args));
  // Warm the bundle's parsers so the first timing is not a compile.
  newContacts(2022, [
    ['候補者ID', '初回接点日'],
    ['C-001', '2022/4/1'],
  ]);

  it.each([14, 16, 18, 3330])(
    'NEW_CONTACTS(2022, range) with %i repeats names the cell at once and does not echo the value',
    (repeats) => {
      const range = [
        ['候補者ID', '初回接点日'],
        ['C-001', evilDate(repeats)],
      ];
      const { result, ms } = timed(() => thrown(() => newContacts(2022, range)));
      expect(result).toEqual({
        name: 'FormulaError',
        message: `候補者!B2: 「初回接点日」が日付として読めません（例: ${DATE_FORMS}）`,
      });
      expect(ms).toBeLessThan(QUICK_MS);
    },
  );

  it('counts dates with a time that exists (23:59, 0:00, 午後12時, 11:59 PM) and refuses 25:00', () => {
    const valid = [
      ['候補者ID', '初回接点日'],
      ['C-001', '2022/4/1 23:59'],
      ['C-002', '2022/4/2 0:00'],
      ['C-003', '2022年4月3日 午後12時'],
      ['C-004', '2022/4/4 11:59 PM'],
      ['C-005', '2023/3/31 23:59:59'],
      ['C-006', '2023/4/1 0:00'], // the next 年度
    ];
    expect(newContacts(2022, valid)).toBe(5);
    const invalid = [...valid, ['C-007', '2022/4/1 25:00']];
    expect(thrown(() => newContacts(2022, invalid))).toEqual({
      name: 'FormulaError',
      message: `候補者!B8: 「初回接点日」が日付として読めません（例: ${DATE_FORMS}）`,
    });
  });
});

describe('the date cell of issue 10 in the core check (checkWorkbook)', () => {
  it('reports the 10,000-character cell in 候補者 and 25:00 in 費用 as invalid_date, at once', () => {
    const sheets = sampleSheets();
    const candidates = sheets.候補者;
    const costs = sheets.費用;
    expect(candidates[1].slice(0, 1)).toEqual(['C0001']);
    candidates[1][candidates[0].indexOf('初回接点日')] = evilDate(3330);
    costs[1][costs[0].indexOf('日付')] = '2022/4/1 25:00';
    const { result, ms } = timed(() => checkWorkbook(rawWorkbook(sheets)));
    const errors = result.issues
      .filter((issue) => issue.severity === 'error')
      .map(({ code, tab, cell, column, value, message }) => ({ code, tab, cell, column, value, message }));
    expect(errors).toEqual([
      {
        code: 'invalid_date',
        tab: '候補者',
        cell: 'E2',
        column: '初回接点日',
        value: '＊＊＊',
        message: `「初回接点日」が日付として読めません（例: ${DATE_FORMS}）`,
      },
      {
        code: 'invalid_date',
        tab: '費用',
        cell: 'A2',
        column: '日付',
        value: '2022/4/1 25:00',
        message: `「日付」の「2022/4/1 25:00」は日付として読めません（例: ${DATE_FORMS}）`,
      },
    ]);
    expect(ms).toBeLessThan(QUICK_MS * 2);
  });

  it('reads 1,000 rows of the 64-character cell in every date column of 候補者 at once (12 s each before)', () => {
    const sheets = sampleSheets();
    const header = sheets.候補者[0];
    const dateColumns = ['初回接点日', '登録日', '初回面談日', '就職日', '離職日', '在留資格変更日', '同意取得日'];
    const columns = dateColumns.map((name) => header.indexOf(name));
    expect(columns).toEqual([4, 6, 7, 8, 13, 14, 16]);
    sheets.候補者 = [
      header,
      ...Array.from({ length: 1000 }, (_, index) =>
        header.map((name, column) =>
          name === '候補者ID' ? `X${index + 1}` : columns.includes(column) ? evilDate(18) : '',
        ),
      ),
    ];
    const { result, ms } = timed(() => checkWorkbook(rawWorkbook(sheets)));
    const invalid = result.issues.filter((issue) => issue.code === 'invalid_date');
    expect(invalid).toHaveLength(7000);
    expect(invalid.slice(0, 7).map((issue) => issue.cell)).toEqual(['E2', 'G2', 'H2', 'I2', 'N2', 'O2', 'Q2']);
    expect(invalid.at(-1)?.cell).toBe('Q1001');
    expect(result.issues.some((issue) => issue.message.includes('日  日'))).toBe(false);
    expect(ms).toBeLessThan(QUICK_MS * 5);
  });
});

describe('the quick reads and the plain ID-list split on cells built to defeat them (core readWorkbook)', () => {
  it('reads a 100,000-ID list, plain or not, 100,000 digits, 16 digits and 100,000 commas exactly, at once', () => {
    const ids = Array.from({ length: 100_000 }, (_, index) => `C${index}`).join(',');
    const { result, ms } = timed(() =>
      readWorkbook({
        tabs: [
          {
            name: '設定',
            values: [
              ['項目', '値'],
              ['団体名', 'NPO'],
              ['対象年度', 2022],
            ],
          },
          { name: '事業', values: [['事業内容', '定款の事業名', '区分']] },
          {
            name: 'イベント',
            values: [
              ['イベントID', '事業内容', '種別', '開始日', '参加者数', '参加者ID'],
              // Plain (split at ','): 100,000 IDs. 100,000 digits are past the quick read's 15 and no safe integer.
              ['E1', '育成事業', '交流会', '2022/4/1', '9'.repeat(100_000), ids],
              // A final ';' sends the same list down the general path; 16 digits are the general path's too.
              ['E2', '育成事業', '交流会', '2022/4/1', '1'.repeat(16), `${ids};`],
              // Commas alone are no IDs; 15 zeros are the quick read's longest text.
              ['E3', '育成事業', '交流会', '2022/4/1', '0'.repeat(15), ','.repeat(100_000)],
            ],
          },
        ],
      }),
    );
    expect(
      result.workbook.events.map((event) => [
        event.participants,
        event.participantIds.length,
        event.participantIds[0],
        event.participantIds.at(-1),
      ]),
    ).toEqual([
      [null, 100_000, 'C0', 'C99999'],
      [1111111111111111, 100_000, 'C0', 'C99999'],
      [0, 0, undefined, undefined],
    ]);
    expect(result.issues.map(({ code, tab, cell, column }) => `${code} ${tab}!${cell} ${column}`)).toEqual([
      'invalid_number イベント!E2 参加者数',
      'missing_tab 費用!A1 ',
    ]);
    expect(ms).toBeLessThan(QUICK_MS);
  });
});
