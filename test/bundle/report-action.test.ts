// End to end in the bundle harness: 事業報告書を作成 makes a new Doc and a 生成履歴 row, and changes no data tab.

import { documentBlocks, fakeSheet, sheetValues } from '../fakes';
import { type LoadedBundle, loadBundle } from '../helpers/bundle';
import { sampleSheets } from '../helpers/sample';

/** Calls a custom function as Sheets does: in custom-function mode, where Session, the Ui and any write throw. */
const formula = (bundle: LoadedBundle, name: string, ...args: unknown[]): unknown =>
  bundle.env.asCustomFunction(() => bundle.call(name, ...args));

const DATA_TABS = ['設定', '事業', '候補者', '企業', 'イベント', '費用', '本文'];

describe('事業報告書を作成 (menuCreateReport) in the bundle', () => {
  it('creates a Doc, logs the run, links it, and leaves every data tab byte-for-byte unchanged', () => {
    const bundle = loadBundle({ sheets: sampleSheets() });
    const before = DATA_TABS.map((name) => sheetValues(bundle.env, name));
    bundle.call('menuCreateReport');
    expect(bundle.env.documents).toHaveLength(1);
    const [doc] = bundle.env.documents;
    expect(doc.getName()).toMatch(/^2022年度 事業報告書 \(生成 \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)$/);
    const table = documentBlocks(doc).find((b) => b.type === 'TABLE');
    expect(table?.type === 'TABLE' && table.rows.slice(1).map((row) => row[7])).toEqual([
      '6,408',
      '9,966',
      '5,218',
      '800',
    ]);
    const log = sheetValues(bundle.env, '生成履歴');
    expect(log[0]).toEqual(['日時', '年度', '形式', '文書URL/パス', '警告数', '実行者']);
    expect(log).toHaveLength(2);
    expect(log[1].slice(1)).toEqual(['2022', 'Google ドキュメント', doc.getUrl(), '1', '利用者 fake-tem']);
    expect(DATA_TABS.map((name) => sheetValues(bundle.env, name))).toEqual(before);
    const dialog = bundle.env.ui.dialogs.at(-1);
    expect(dialog?.content).toContain(doc.getUrl());
    expect(bundle.env.spreadsheet.toasts.map((t) => t.message)).toEqual([
      '入力を読み込んでいます…',
      'ドキュメントを作成しています…',
      '作成しました',
    ]);
    // One read per contract tab present, however many rows.
    expect(bundle.env.calls.count('Range.getValues')).toBe(8); // the sample's 8 tabs, 求人 included
  });

  it('makes a second Doc on a second run and overwrites nothing', () => {
    const bundle = loadBundle({ sheets: sampleSheets() });
    bundle.call('menuCreateReport');
    const firstLog = sheetValues(bundle.env, '生成履歴');
    bundle.call('menuCreateReport');
    expect(bundle.env.documents).toHaveLength(2);
    expect(bundle.env.documents[0].getId()).not.toBe(bundle.env.documents[1].getId());
    const log = sheetValues(bundle.env, '生成履歴');
    expect(log.slice(0, 2)).toEqual(firstLog);
    expect(log).toHaveLength(3);
    expect(documentBlocks(bundle.env.documents[0]).length).toBeGreaterThan(10);
  });

  it('lists the errors and creates no Doc when the input has errors', () => {
    const sheets = sampleSheets();
    sheets.費用[3][sheets.費用[0].indexOf('金額')] = '約5万';
    const bundle = loadBundle({ sheets });
    bundle.call('menuCreateReport');
    expect(bundle.env.documents).toHaveLength(0);
    expect(bundle.env.spreadsheet.toasts.at(-1)?.message).toMatch(
      /^エラー 1 件、警告 1 件。エラーを直してから作成してください/,
    );
    // The issues themselves are listed in the sidebar, each a link to its cell.
    expect(bundle.env.ui.dialogs.at(-1)?.kind).toBe('sidebar');
    const state = bundle.call('sidebarLoad') as { issues: { tab: string; cell: string; severity: string }[] };
    expect(state.issues.filter((i) => i.severity === 'error').map((i) => `${i.tab}!${i.cell}`)).toEqual(['費用!E4']);
    expect(() => fakeSheet(bundle.env, '生成履歴')).toThrow();
  });

  it('tells the user when someone else is generating', () => {
    const bundle = loadBundle({ sheets: sampleSheets() });
    bundle.env.locks.holdElsewhere('document');
    bundle.call('menuCreateReport');
    expect(bundle.env.documents).toHaveLength(0);
    expect(bundle.env.ui.alerts.map((a) => a.prompt)).toEqual([
      '他の人が事業報告書の作成かシートの準備をしています。しばらくしてからもう一度お試しください。',
    ]);
  });
});

describe('custom functions in the bundle', () => {
  it('counts every row of a range when 年度 is left blank (no 設定 to read)', () => {
    const sheets = sampleSheets();
    const bundle = loadBundle({ sheets });
    // 育成事業: 9,966,300 yen in FY2022, plus the 420,000 salaries of March 2022 and of April 2023 outside it.
    expect(formula(bundle, 'PROGRAM_COST', '育成事業', '', '', sheets.費用)).toBe(10_806_300);
    expect(formula(bundle, 'PROGRAM_COST', '育成事業', 2022, '', sheets.費用)).toBe(9_966_300);
    expect(bundle.env.calls.total()).toBe(0);
  });

  it('JIGYO_TABLE answers a column of figures, reading each needed tab once for the whole table', () => {
    const bundle = loadBundle({ sheets: sampleSheets() });
    const rows = [
      ['就職者数', '就職経路=職業紹介'],
      ['', ''],
      ['事業費', '事業内容=育成事業'],
    ];
    expect(JSON.parse(JSON.stringify(formula(bundle, 'JIGYO_TABLE', rows)))).toEqual([[7], [''], [9_966_300]]);
    expect(bundle.env.calls.count('Range.getValues')).toBe(4); // 設定, 候補者, 費用, 事業
  });

  it('ignores the hidden JIGYO_RECALC argument that 数式を再計算 adds after the documented ones', () => {
    const bundle = loadBundle({ sheets: sampleSheets() });
    const stamp = new bundle.env.realm.Date(2026, 10, 26, 9, 0, 0);
    expect(formula(bundle, 'PROGRAM_COST', '育成事業', '', '', '', stamp)).toBe(9_966_300);
    expect(formula(bundle, 'JIGYO_METRIC', '参加者数最大', 2022, '種別=講演', stamp)).toBe(200);
    expect(formula(bundle, 'JIGYO_TABLE', [['新規接点数']], '', stamp)).toEqual([[137]]);
  });

  it('works with a blank 団体名, and with an explicit year when 対象年度 is missing', () => {
    const sheets = sampleSheets();
    sheets.設定 = sheets.設定.filter((row) => row[0] !== '団体名' && row[0] !== '対象年度');
    const bundle = loadBundle({ sheets });
    expect(formula(bundle, 'NEW_CONTACTS', 2022)).toBe(137);
    expect(() => formula(bundle, 'NEW_CONTACTS')).toThrow('設定「対象年度」がありません');
  });

  const sheets = sampleSheets();
  /**
   * The sample's FY2022 figures, from the reference report and scripts/make-sample.ts: 事業費 9,966,300 yen for
   * 育成事業 (12 salaries of 420,000 = 5,040,000 of it 人件費) and 22,393,000 in all; 71 講演 of 啓発事業 with 10 to
   * 200 listeners; 延べ 282 at 育成事業's events; 16 people in the mentorship terms; 137 new contacts, 84
   * registrations, 7 placements through 職業紹介, 2 changes of status.
   */
  const cases: [string, unknown[], number, number, string][] = [
    ['PROGRAM_COST', ['育成事業'], 9_966_300, 3, '費用'],
    ['PROGRAM_COST', ['育成事業', 2022, '人件費'], 5_040_000, 3, '費用'],
    ['TOTAL_COST', [], 22_393_000, 3, '費用'],
    ['EVENT_COUNT', ['啓発事業', '講演'], 71, 3, 'イベント'],
    ['PARTICIPANTS', ['育成事業'], 282, 3, 'イベント'],
    ['PARTICIPANTS', ['育成事業', 'メンターシップ', 2022, '実人数'], 16, 3, 'イベント'],
    ['NEW_CONTACTS', [], 137, 2, '候補者'],
    ['REGISTRATIONS', [2022], 84, 2, '候補者'],
    ['PLACEMENTS', [2022, '職業紹介'], 7, 2, '候補者'],
    ['STATUS_CHANGES', [], 2, 2, '候補者'],
    ['JIGYO_METRIC', ['参加者数最大', 2022, '種別=講演'], 200, 3, 'イベント'],
  ];

  it.each(cases)('%s(%j) is %d without a range, reading each needed tab once', (name, args, value, reads) => {
    const bundle = loadBundle({ sheets });
    expect(formula(bundle, name, ...args)).toBe(value);
    // 設定 for the year, the metric's own tab, and 事業 where names or 区分 must be checked: each once.
    expect(bundle.env.calls.count('Range.getValues')).toBe(reads);
  });

  it.each(cases)('%s(%j) is %d with a range argument and makes no service call', (name, args, value, _reads, tab) => {
    const bundle = loadBundle({ sheets });
    const range = sheets[tab];
    const padded =
      name === 'JIGYO_METRIC' ? [...args, range] : [...args, ...Array(arity(name) - 1 - args.length).fill(''), range];
    // Without 設定, a range with a given year uses April–March; these cases either pass 2022 or count every row.
    expect(formula(bundle, name, ...padded.map((arg, i) => (i === yearIndex(name) && arg === '' ? 2022 : arg)))).toBe(
      value,
    );
    expect(bundle.env.calls.total()).toBe(0);
  });

  it.each([
    ['JIGYO_METRIC', [''], 'formula_metric_required', '指標名を指定してください（例: "就職者数"）'],
    [
      'PROGRAM_COST',
      ['育成事業', '', '', []],
      'formula_range_needs_header',
      '範囲には「費用」タブの見出し行を含めてください（例: 費用!A:H）',
    ],
    ['PROGRAM_COST', [''], 'formula_program_required', '事業内容を指定してください'],
    ['PROGRAM_COST', ['育成事業', 'きょねん'], 'formula_invalid_year', '年度「きょねん」は年度として読めません'],
    [
      'PROGRAM_COST',
      ['育成事業', '', '人件'],
      'formula_unknown_value',
      '費目「人件」は選択肢にありません（人件費、その他経費）',
    ],
    ['PROGRAM_COST', ['管理費'], 'formula_unknown_value', '管理費は =JIGYO_METRIC("管理費") で集計できます'],
    ['TOTAL_COST', [2022, '特定非営利'], 'formula_unknown_value', '区分「特定非営利」は選択肢にありません'],
    [
      'TOTAL_COST',
      ['', '特定非営利活動', sheets.費用],
      'formula_category_with_range',
      '区分で絞り込むときは範囲を渡さずに使ってください',
    ],
    ['EVENT_COUNT', ['', '講'], 'formula_unknown_value', '種別「講」は選択肢にありません'],
    [
      'EVENT_COUNT',
      ['育成事業', '', 2022, 'A1'],
      'formula_last_argument_not_range',
      '最後の引数には見出し行を含む範囲を指定してください',
    ],
    [
      'PARTICIPANTS',
      ['育成事業', '', 2022, '全員'],
      'formula_invalid_count_mode',
      '数え方「全員」は「延べ」か「実人数」で指定してください',
    ],
    ['PARTICIPANTS', ['育成事', '', 2022], 'formula_unknown_value', '事業内容「育成事」は事業タブにありません'],
    ['NEW_CONTACTS', [1899], 'formula_invalid_year', '年度「1899」は年度として読めません'],
    [
      'REGISTRATIONS',
      ['', [['氏名'], ['x']]],
      'formula_workbook_error',
      'タブ「候補者」に必須の列「候補者ID」がありません',
    ],
    [
      'PLACEMENTS',
      ['', '職業紹'],
      'formula_unknown_value',
      '就職経路「職業紹」は選択肢にありません（職業紹介、自己応募、その他）',
    ],
    ['STATUS_CHANGES', [[[1, 2]]], 'formula_range_for_value', '「年度」には1つの値を指定してください'],
    ['JIGYO_METRIC', ['寄付者数'], 'formula_unknown_metric', '指標「寄付者数」はありません'],
    [
      'JIGYO_METRIC',
      ['就職者数', 2022, '地域=東京'],
      'formula_filter_not_allowed',
      '指標「就職者数」に条件「地域」は使えません',
    ],
    [
      'JIGYO_METRIC',
      ['就職者数', 2022, '職業紹介'],
      'formula_malformed_condition',
      '条件「職業紹介」は「キー=値」で指定してください',
    ],
    [
      'PROGRAM_COST',
      ['育成事業', '', '', [['金額'], [1]]],
      'formula_workbook_error',
      'タブ「費用」に必須の列「日付」がありません',
    ],
    [
      'PROGRAM_COST',
      [
        '啓発事業',
        '',
        '',
        [
          ['日付', '事業内容', '費目', '金額'],
          ['2022/4/1', '育成事業', '人件費', 1],
        ],
      ],
      'formula_unknown_value',
      '事業内容「啓発事業」は範囲にありません（育成事業）',
    ],
  ])('%s(%j) answers with %s: a clear error, never a number', (name, args, code, message) => {
    const bundle = loadBundle({ sheets });
    let thrown: unknown;
    try {
      formula(bundle, name, ...args);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { code?: string } | undefined)?.code).toBe(code);
    expect((thrown as Error).message).toContain(message);
  });

  it('answers in English when 報告書言語 is en, also for an argument error found before 設定 is read', () => {
    const english = sampleSheets();
    english.設定 = english.設定.map((row) => (row[0] === '報告書言語' ? ['報告書言語', 'en'] : row));
    const bundle = loadBundle({ sheets: english });
    expect(() => formula(bundle, 'PROGRAM_COST', '育成')).toThrow(
      '事業内容 "育成" is not in the 事業 tab (職業紹介事業、育成事業、啓発事業、ファンドレイジング)',
    );
    bundle.env.calls.reset();
    expect(() => formula(bundle, 'PARTICIPANTS', '育成事業', '', 2022, '全員')).toThrow(
      'Count "全員" must be "延べ" (total) or "実人数" (unique people)',
    );
    // Only 設定, and only because the formula failed.
    expect(bundle.env.calls.count('Range.getValues')).toBe(1);
    expect(() => formula(bundle, 'STATUS_CHANGES', [[1, 2]])).toThrow('"年度" takes one value, not a range');
    expect(() => formula(bundle, 'EVENT_COUNT', '育成事業', '', 2022, 'A1')).toThrow(
      'The last argument must be a range that includes the header row (e.g. 費用!A:G)',
    );
  });
});

const ARITY: Record<string, number> = {
  PROGRAM_COST: 4,
  TOTAL_COST: 3,
  EVENT_COUNT: 4,
  PARTICIPANTS: 5,
  NEW_CONTACTS: 2,
  REGISTRATIONS: 2,
  PLACEMENTS: 3,
  STATUS_CHANGES: 2,
};
const arity = (name: string): number => ARITY[name];
const YEAR_INDEX: Record<string, number> = {
  PROGRAM_COST: 1,
  TOTAL_COST: 0,
  EVENT_COUNT: 2,
  PARTICIPANTS: 2,
  NEW_CONTACTS: 0,
  REGISTRATIONS: 0,
  PLACEMENTS: 0,
  STATUS_CHANGES: 0,
  JIGYO_METRIC: 1,
};
const yearIndex = (name: string): number => YEAR_INDEX[name];
