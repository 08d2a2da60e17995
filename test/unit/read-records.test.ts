// This file tests how readWorkbook builds a big tab's records: ID cells stored folded, texts shared up to a bound, one record shape per tab.
import type { CellValue } from '../../src/core/cells';
import type { IssueDraft } from '../../src/core/issues';
import { type Grid, type RawTab, readWorkbook } from '../../src/core/read-workbook';

const SETTINGS: RawTab = {
  name: '設定',
  values: [
    ['項目', '値'],
    ['団体名', 'NPO'],
    ['対象年度', 2022],
  ],
};

const PROGRAMS: RawTab = { name: '事業', values: [['事業内容', '定款の事業名', '区分']] };

function read(name: string, values: Grid) {
  return readWorkbook({ tabs: [SETTINGS, PROGRAMS, { name, values }] });
}

/** The issues of the tab read, without the missing_tab errors of the tabs these tests leave out. */
function summary(issues: readonly IssueDraft[]): string[] {
  return issues
    .filter((issue) => issue.code !== 'missing_tab')
    .map((issue) => `${issue.code} ${issue.tab}!${issue.cell} ${issue.value}`);
}

describe('readWorkbook: ID cells', () => {
  it('keeps a plain ASCII ID as typed and folds any other to its width-folded, trimmed, one-space form', () => {
    const { workbook, issues } = read('候補者', [
      ['候補者ID', '属性'],
      ['C0012', ''],
      ['Ｃ００１３', ''],
      [' C0014 ', ''],
      ['C\u3000\u30000015', ''],
      ['c0016', ''],
      ['C0012', ''],
    ]);
    // Worked out by hand: NFKC folds Ｃ００１３ to C0013; the full-width spaces fold to spaces, collapsed to one; the
    // case is kept (IDs are compared folded for case later, not stored so).
    expect(workbook.candidates.map((c) => [c.row, c.candidateId])).toEqual([
      [2, 'C0012'],
      [3, 'C0013'],
      [4, 'C0014'],
      [5, 'C 0015'],
      [6, 'c0016'],
      [7, 'C0012'],
    ]);
    // Reading raises nothing here: a repeated ID is the validators' to report.
    expect(summary(issues)).toEqual([]);
  });

  it('still checks a closed choice typed in plain ASCII against its choices', () => {
    const { workbook, issues } = read('候補者', [
      ['候補者ID', '属性'],
      ['C1', 'abc'],
      ['C2', '避難民'],
    ]);
    expect(workbook.candidates.map((c) => c.attribute)).toEqual([null, '避難民']);
    expect(summary(issues)).toEqual(['invalid_choice 候補者!B2 abc']);
  });
});

describe('readWorkbook: ID lists (参加者ID of イベント)', () => {
  /** The participantIds of one イベント record per list cell, and the issues of reading them. */
  function lists(cells: CellValue[]) {
    const { workbook, issues } = read('イベント', [
      ['イベントID', '事業内容', '種別', '開始日', '参加者ID'],
      ...cells.map((cell, index) => [`E${index + 1}`, '育成事業', '交流会', '2022/4/1', cell]),
    ]);
    return { ids: workbook.events.map((event) => event.participantIds), issues: summary(issues), workbook };
  }

  it('splits a list at commas (also doubled, first or last), 、, ，, ; and spaces, folding width and keeping case', () => {
    const { ids, issues } = lists([
      'C1,C2',
      'C1,,C2',
      ',C1',
      'C1,',
      'C1;C2',
      'C1 , C2',
      'Ｃ１,C2',
      'c1',
      'C1、C2，C3；C4\tC5',
      ' C1,C2 ',
      'C-1,K_2.x',
      'C1,C1',
      ',',
      12,
    ]);
    expect(ids).toEqual([
      ['C1', 'C2'],
      ['C1', 'C2'],
      ['C1'],
      ['C1'],
      ['C1', 'C2'],
      ['C1', 'C2'],
      ['C1', 'C2'],
      ['c1'],
      ['C1', 'C2', 'C3', 'C4', 'C5'],
      ['C1', 'C2'],
      ['C-1', 'K_2.x'],
      // A repeated ID is kept: the validators report it.
      ['C1', 'C1'],
      [],
      ['12'],
    ]);
    expect(issues).toEqual([]);
  });

  it('reads a list of separators only as [], and splits at a space between control characters', () => {
    // Neither is a plain comma list: ';' is a separator (no ID at all), and U+0001/U+0002 are below '!' (the space
    // between them splits the list). Taken as plain, they would be kept whole: [';'], ['\u0001 \u0002'].
    const { ids, issues } = lists([';', ';;', '\u0001 \u0002', '\u0001']);
    expect(ids).toEqual([[], [], ['\u0001', '\u0002'], ['\u0001']]);
    expect(issues).toEqual([]);
  });

  it('gives each record its own array, even for the same text', () => {
    const { ids } = lists(['C1,C2', 'C1,C2', 'C3']);
    expect(ids[0]).toEqual(['C1', 'C2']);
    expect(ids[1]).toEqual(['C1', 'C2']);
    expect(ids[0]).not.toBe(ids[1]);
    (ids[0] as string[]).push('C9');
    expect(ids[1]).toEqual(['C1', 'C2']);
    expect(ids[2]).toEqual(['C3']);
  });

  it('reads an error value in a list as [] and reports it, with the value masked (参加者ID is person-level)', () => {
    const { ids, issues } = lists(['#N/A', 'C1']);
    expect(ids).toEqual([[], ['C1']]);
    expect(issues).toEqual(['error_value イベント!E2 ＊＊＊']);
  });
});

describe('readWorkbook: texts that repeat down a column', () => {
  it('are read as typed past the first 1,000 distinct texts of a column', () => {
    // 1,200 distinct names, then names met before the bound and after it again.
    const names = Array.from({ length: 1200 }, (_, index) => `名前${index}`);
    const again = ['名前0', '名前999', '名前1000', '名前1199'];
    const rows: string[][] = [['候補者ID', '氏名'], ...[...names, ...again].map((name, index) => [`C${index}`, name])];
    const { workbook } = read('候補者', rows);
    expect(workbook.candidates.length).toBe(1204);
    expect(workbook.candidates.slice(998, 1002).map((c) => c.name)).toEqual([
      '名前998',
      '名前999',
      '名前1000',
      '名前1001',
    ]);
    expect(workbook.candidates.slice(1200).map((c) => [c.row, c.candidateId, c.name])).toEqual([
      [1202, 'C1200', '名前0'],
      [1203, 'C1201', '名前999'],
      [1204, 'C1202', '名前1000'],
      [1205, 'C1203', '名前1199'],
    ]);
  });
});

describe('readWorkbook: record shape', () => {
  it("gives each record 'row', the tab's columns in sheet order, then its absent columns, and no other key", () => {
    const { workbook } = read('費用', [
      ['金額', '日付', '事業内容', '費目'],
      ['1,000', '2022/4/1', '育成事業', '人件費'],
      ['2,000', '2022/4/2', '相談事業', 'その他経費'],
    ]);
    const keys = workbook.costs.map((cost) => Object.keys(cost));
    // Sheet order: 金額 (amount), 日付 (date), 事業内容 (program), 費目 (item); then the columns of 費用 not in the sheet, in
    // schema order.
    expect(keys[0].slice(0, 5)).toEqual(['row', 'amount', 'date', 'program', 'item']);
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[0].slice(5)).toEqual(['account', 'memo', 'voucher']);
    expect(workbook.costs.map((cost) => [cost.row, cost.amount, cost.date, cost.program, cost.item])).toEqual([
      [2, 1000, 19083, '育成事業', '人件費'],
      [3, 2000, 19084, '相談事業', 'その他経費'],
    ]);
    expect(workbook.costs[0]).toMatchObject({ account: null, memo: null, voucher: null });
  });

  it('is a fresh object per record: changing one changes no other', () => {
    const { workbook } = read('費用', [
      ['日付', '事業内容', '費目', '金額'],
      ['2022/4/1', '育成事業', '人件費', '1'],
      ['2022/4/2', '育成事業', '人件費', '2'],
    ]);
    const [first, second] = workbook.costs as unknown as Record<string, unknown>[];
    first.amount = 99;
    expect(second.amount).toBe(2);
    expect(first).not.toBe(second);
  });

  it('holds an empty 参加者ID list as [] on each record, not one shared array', () => {
    const { workbook } = read('イベント', [
      ['イベントID', '事業内容', '種別', '開始日'],
      ['E1', '育成事業', '交流会', '2022/4/1'],
      ['E2', '育成事業', '交流会', '2022/4/2'],
    ]);
    expect(workbook.events.map((event) => event.participantIds)).toEqual([[], []]);
    expect(workbook.events[0].participantIds).not.toBe(workbook.events[1].participantIds);
  });

  it('is the same where code cannot be made from text (a strict content security policy)', () => {
    const grid: Grid = [
      ['金額', '日付', '事業内容', '費目'],
      ['1,000', '2022/4/1', '育成事業', '人件費'],
      ['2,000', '2022/4/2', '相談事業', 'その他経費'],
    ];
    const made = read('費用', grid).workbook.costs;
    const original = globalThis.Function;
    let refused = 0;
    // What such a policy does: the Function constructor throws an EvalError.
    globalThis.Function = function refuse() {
      refused++;
      throw new EvalError('Code generation from strings disallowed for this context');
    } as unknown as FunctionConstructor;
    let copied: typeof made;
    try {
      copied = read('費用', grid).workbook.costs;
    } finally {
      globalThis.Function = original;
    }
    // Once per tab read: 設定, 事業 and 費用.
    expect(refused).toBe(3);
    expect(copied).toEqual(made);
    expect(copied.map((cost) => Object.keys(cost))).toEqual(made.map((cost) => Object.keys(cost)));
    const [first, second] = copied as unknown as Record<string, unknown>[];
    first.amount = 99;
    expect(second.amount).toBe(2000);
  });
});
