// Tests for reading and validation: the exact issue list of a workbook with one fault of each kind, and robustness.
import fc from 'fast-check';
import type { CellValue } from '../../src/core/cells';
import { type IssueCode, type IssueParams, MASKED_VALUE } from '../../src/core/issues';
import { finalizeIssue } from '../../src/core/messages';
import { checkWorkbook } from '../../src/core/pipeline';
import { readWorkbook } from '../../src/core/read-workbook';
import { TABS } from '../../src/core/schema';
import { validateWorkbook } from '../../src/core/validate';
import { BAD_WORKBOOK } from '../fixtures/bad-workbook';
import { rawWorkbook } from '../helpers/raw';

const summary = (issues: readonly { severity: string; code: string; tab: string; cell: string; column: string }[]) =>
  issues.map((i) => `${i.severity} ${i.code} ${i.tab}!${i.cell} ${i.column}`);

describe('checkWorkbook', () => {
  it('finds exactly the planted faults, in workbook order', () => {
    expect(summary(checkWorkbook(rawWorkbook(BAD_WORKBOOK)).issues)).toEqual([
      'error invalid_setting 設定!B4 年度開始月',
      'warning unknown_setting 設定!A5 項目',
      'error invalid_choice 事業!C3 区分',
      'error duplicate_id 事業!A4 事業内容',
      'error unknown_filter 事業!D5 受益対象者の人数',
      'error unknown_metric 事業!D6 受益対象者の人数',
      'error invalid_date 候補者!C3 初回接点日',
      'error hired_before_contact 候補者!D4 就職日',
      'error unknown_reference 候補者!E5 就職先企業ID',
      'warning missing_consent 候補者!H6 氏名',
      'error invalid_boolean 候補者!F7 無期雇用',
      'error error_value 候補者!G8 登録日',
      'error implausible_date 候補者!C9 初回接点日',
      'error required 候補者!A10 候補者ID',
      'error duplicate_header 企業!C1 企業ID',
      'error unknown_reference イベント!B2 事業内容',
      'error end_before_start イベント!E3 終了日',
      'error participants_below_ids イベント!F4 参加者数',
      'error negative_count イベント!F5 参加者数',
      'error unknown_reference イベント!G6 参加者ID',
      'error invalid_number 費用!D2 金額',
      'warning negative_amount 費用!D3 金額',
      'error not_integer 費用!D4 金額',
      'error missing_column 本文!C1 本文',
    ]);
  });

  it('says what was found and what is expected, in Japanese by default', () => {
    const issue = checkWorkbook(rawWorkbook(BAD_WORKBOOK)).issues.find((i) => i.code === 'invalid_number');
    expect(issue?.message).toBe('「金額」の「約5万」は数として読めません（例: 50000、50,000円、50千円）');
  });

  it('writes messages in English when 報告書言語 = en', () => {
    const english = { ...BAD_WORKBOOK, 設定: [...BAD_WORKBOOK.設定, ['報告書言語', 'en']] };
    const issue = checkWorkbook(rawWorkbook(english)).issues.find((i) => i.code === 'invalid_number');
    expect(issue?.message).toBe('"金額": "約5万" is not a number (e.g. 50000、50,000円、50千円)');
  });

  it('never shows a value from a person-level column', () => {
    const duplicated = {
      ...BAD_WORKBOOK,
      候補者: [BAD_WORKBOOK.候補者[0], ['SENTINEL-ID-1', '', '2022/4/1'], ['SENTINEL-ID-1', '', '2022/4/1']],
    };
    const issues = checkWorkbook(rawWorkbook(duplicated)).issues;
    const duplicate = issues.find((i) => i.code === 'duplicate_id' && i.tab === '候補者');
    expect(duplicate?.cell).toBe('A3');
    expect(JSON.stringify(issues)).not.toContain('SENTINEL');
  });

  it('shows the cell and what is expected for every column of a 候補者 row, never the value (message and value)', () => {
    const S = 'SENTINEL_山田太郎';
    const planted = {
      ...BAD_WORKBOOK,
      候補者: [
        ['候補者ID', '氏名', '属性', '初回接点日', '就職日', '就職先企業ID', '無期雇用', '登録日', '同意取得日'],
        [`${S}1`, S, `${S}属性`, `${S}日`, '', `${S}企業`, `${S}真偽`, '2022/4/1', '2022/4/1'],
        [`${S}1`, '', '', '2022/5/1', '2022/4/2', '', '', '1922/4/1', '2022/4/1'],
      ],
      イベント: [
        ['イベントID', '事業内容', '種別', '開始日', '参加者ID'],
        ['E1', '育成事業', '交流会', '2022/9/1', `${S}2, ${S}3`],
      ],
    };
    const issues = checkWorkbook(rawWorkbook(planted)).issues.filter((i) => ['候補者', 'イベント'].includes(i.tab));
    expect(issues.map((i) => `${i.tab}!${i.cell} ${i.value} ${i.message}`)).toEqual([
      '候補者!C2 ＊＊＊ 「属性」が選択肢にありません（難民申請中 / 難民認定 / 補完的保護 / 人道配慮 / 避難民 / その他 のいずれか）',
      '候補者!D2 ＊＊＊ 「初回接点日」が日付として読めません（例: 2022/4/1、2022-04-01、令和4年4月1日、R4.4.1）',
      '候補者!F2 ＊＊＊ 「就職先企業ID」のIDが「企業」タブにありません',
      '候補者!G2 ＊＊＊ 「無期雇用」が「はい」か「いいえ」として読めません（例: はい、いいえ）',
      '候補者!A3 ＊＊＊ 「候補者ID」が重複しています（A2と同じ）',
      '候補者!E3 ＊＊＊ 「就職日」が初回接点日より前です',
      '候補者!H3 ＊＊＊ 「登録日」がありえない日付です（1980年〜2100年の範囲で入力してください）',
      'イベント!E2 ＊＊＊ 「参加者ID」に「候補者」タブにないIDが2件あります',
    ]);
    const english = checkWorkbook(
      rawWorkbook({ ...planted, 設定: [...BAD_WORKBOOK.設定, ['報告書言語', 'en']] }),
    ).issues;
    expect(english.find((i) => i.code === 'invalid_choice' && i.tab === '候補者')?.message).toBe(
      '"属性" is not one of 難民申請中 / 難民認定 / 補完的保護 / 人道配慮 / 避難民 / その他',
    );
    expect(english.find((i) => i.code === 'unknown_reference' && i.tab === 'イベント')?.message).toBe(
      '"参加者ID" holds 2 IDs that are not in tab "候補者"',
    );
    expect(JSON.stringify([issues, english])).not.toContain('SENTINEL');
    // A single unknown participant reads as one ID; a non-personal column still quotes its value.
    const one = checkWorkbook(
      rawWorkbook({ ...planted, イベント: [planted.イベント[0], ['E1', '育成なし', '交流会', '2022/9/1', `${S}9`]] }),
    ).issues.filter((i) => i.tab === 'イベント');
    expect(one.map((i) => i.message)).toEqual([
      '「事業内容」の「育成なし」が「事業」タブにありません',
      '「参加者ID」のIDが「候補者」タブにありません',
    ]);
  });

  it('words every masked message as a sentence about the cell, in both languages', () => {
    const cases: [IssueCode, IssueParams, string, string][] = [
      [
        'error_value',
        {},
        '「列」がエラー値です。数式か参照を直してください',
        '"列" holds an error value. Fix the formula or reference',
      ],
      ['invalid_number', { expected: '12' }, '「列」が数として読めません（例: 12）', '"列" is not a number (e.g. 12)'],
      ['not_integer', {}, '「列」が整数ではありません', '"列" is not a whole number'],
      [
        'negative_count',
        {},
        '「列」がマイナスです。0以上の整数を入力してください',
        '"列" is negative. Enter 0 or more',
      ],
      [
        'invalid_date',
        { expected: '2022/4/1' },
        '「列」が日付として読めません（例: 2022/4/1）',
        '"列" is not a date (e.g. 2022/4/1)',
      ],
      [
        'implausible_date',
        { expected: '1980年〜2100年' },
        '「列」がありえない日付です（1980年〜2100年の範囲で入力してください）',
        '"列" is not a plausible date (expected 1980年〜2100年)',
      ],
      ['invalid_boolean', {}, '「列」が「はい」か「いいえ」として読めません', '"列" is not yes/no'],
      [
        'invalid_choice',
        { expected: 'A / B' },
        '「列」が選択肢にありません（A / B のいずれか）',
        '"列" is not one of A / B',
      ],
      ['duplicate_id', { other: 'A2' }, '「列」が重複しています（A2と同じ）', '"列" is a duplicate (same as A2)'],
      [
        'unknown_reference',
        { other: '企業' },
        '「列」のIDが「企業」タブにありません',
        '"列" holds an ID that is not in tab "企業"',
      ],
      [
        'unknown_reference',
        { other: '候補者', count: 1 },
        '「列」のIDが「候補者」タブにありません',
        '"列" holds an ID that is not in tab "候補者"',
      ],
      [
        'unknown_reference',
        { other: '候補者', count: 3 },
        '「列」に「候補者」タブにないIDが3件あります',
        '"列" holds 3 IDs that are not in tab "候補者"',
      ],
      ['end_before_start', {}, '「列」が開始日より前です', '"列" is before the start date'],
      // A code whose message never quotes the value keeps its usual words.
      ['hired_before_contact', {}, '「列」が初回接点日より前です', '"列" is before the first contact date'],
    ];
    for (const [code, params, ja, en] of cases) {
      const draft = {
        severity: 'error' as const,
        code,
        tab: '企業',
        cell: 'B2',
        column: '列',
        value: MASKED_VALUE,
        params,
      };
      expect([code, finalizeIssue(draft).message, finalizeIssue(draft, 'en').message]).toEqual([code, ja, en]);
    }
  });

  it('masks any value located in a 候補者 row (by either tab name), not in its header row or another tab', () => {
    const draft = (tab: string, cell: string, value: string) =>
      finalizeIssue({ severity: 'error', code: 'invalid_choice', tab, cell, column: '属性', value, params: {} });
    expect(draft('候補者', 'C2', '山田').value).toBe(MASKED_VALUE);
    expect(draft(' Candidates ', 'C9', '山田').value).toBe(MASKED_VALUE);
    expect(draft('候補者', 'C10', '山田').value).toBe(MASKED_VALUE);
    expect(draft('候補者', 'AB21', '山田').value).toBe(MASKED_VALUE);
    expect(draft('候補者', 'C1', '属性').value).toBe('属性');
    expect(draft('候補者', 'C2', '').value).toBe('');
    expect(draft('企業', 'C2', '山田').message).toBe('「属性」の「山田」は選択肢にありません（ のいずれか）');
  });

  it('points a blank required setting at its 値 cell, and a missing one at the first free row', () => {
    const settings = [
      ['項目', '値'],
      ['団体名', ''],
      ['年度開始月', 4],
    ];
    const issues = checkWorkbook(rawWorkbook({ ...BAD_WORKBOOK, 設定: settings })).issues.filter(
      (i) => i.tab === '設定',
    );
    expect(issues.map((i) => `${i.code} ${i.cell} ${i.column}`)).toEqual([
      'blank_setting B2 団体名',
      'missing_setting A4 対象年度',
    ]);
    expect(issues[0].message).toBe('設定「団体名」の値が空欄です。この行の「値」に入力してください');
  });

  it('reports a missing tab once and a missing required column once, not once per row', () => {
    const { 費用: _costs, ...withoutCosts } = BAD_WORKBOOK;
    const noAmount = {
      ...BAD_WORKBOOK,
      費用: [['日付', '事業内容', '費目'], ...Array.from({ length: 50 }, () => ['2022/4/1', '育成事業', '人件費'])],
    };
    expect(summary(checkWorkbook(rawWorkbook(withoutCosts)).issues.filter((i) => i.tab === '費用'))).toEqual([
      'error missing_tab 費用!A1 ',
    ]);
    expect(summary(checkWorkbook(rawWorkbook(noAmount)).issues.filter((i) => i.tab === '費用'))).toEqual([
      'error missing_column 費用!D1 金額',
    ]);
  });

  it('knows a 参加者ID typed as in 候補者 or in another width and case, and flags only one that is not there', () => {
    const workbook = {
      ...BAD_WORKBOOK,
      候補者: [
        ['候補者ID', '初回接点日', '同意取得日'],
        ['C1', '2022/4/1', '2022/4/1'],
        ['C2', '2022/4/1', '2022/4/1'],
      ],
      イベント: [
        ['イベントID', '事業内容', '種別', '開始日', '参加者ID'],
        ['E1', '育成事業', '交流会', '2022/9/1', 'C1, ｃ２, c1'],
        ['E2', '育成事業', '交流会', '2022/9/2', 'C2、C3'],
      ],
    };
    const references = checkWorkbook(rawWorkbook(workbook)).issues.filter((i) => i.code === 'unknown_reference');
    expect(references.map((i) => `${i.tab}!${i.cell} ${i.params?.count}`)).toEqual(['イベント!E3 1']);
  });

  it('reads tabs and headers by English alias, in any order, with extra columns ignored', () => {
    const { workbook, issues } = readWorkbook(
      rawWorkbook({
        Settings: [
          ['Value', 'Item', 'メモ'],
          [2022, 'Fiscal year', ''],
          ['NPO', '団体名', ''],
        ],
        ' 費用 ': [
          ['memo', 'ＡＭＯＵＮＴ', 'Program', 'Cost type', 'Date'],
          ['x', '１，０００円', '育成事業', '人件費', 'R4.4.1'],
        ],
      }),
    );
    expect(issues.filter((i) => i.tab === 'Settings' || i.tab === ' 費用 ')).toEqual([]);
    expect(workbook.settings.fiscalYear).toBe(2022);
    expect(workbook.costs).toEqual([
      {
        row: 2,
        date: 19083,
        program: '育成事業',
        item: '人件費',
        account: null,
        amount: 1000,
        memo: 'x',
        voucher: null,
      },
    ]);
  });
});

/** Issues that point at the cell where something missing should be typed, past the data. */
const POINTS_PAST_THE_END = ['missing_column', 'missing_setting'];

describe('reading any grid', () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '',
      ' ',
      '　',
      '#N/A',
      '#REF!',
      '2022/4/1',
      '令和4年4月1日',
      '1,000円',
      'はい',
      '育成事業',
      '人件費',
    ),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
    fc.constant(null),
  );
  const headers = TABS.flatMap((tab) => tab.columns.map((column) => column.ja));
  const grid = fc
    .tuple(
      fc.array(fc.constantFrom(...headers, 'extra', ''), { maxLength: 10 }),
      fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 12 }),
    )
    .map(([header, rows]) => [header as CellValue[], ...rows]);

  it('never throws, and every issue points at a real cell of a real tab', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...TABS.map((t) => t.ja)), grid), (tabs) => {
        const raw = rawWorkbook(tabs as Record<string, unknown[][]>);
        const { issues } = checkWorkbook(raw);
        for (const issue of issues) {
          expect(issue.message).not.toBe('');
          const [, letters, digits] = /^([A-Z]+)([1-9]\d*)$/.exec(issue.cell) ?? [];
          expect(letters).toBeDefined();
          const row = Number(digits);
          const column = letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
          if (issue.code === 'missing_tab') {
            // A missing tab points at A1 of the tab to create, which is not among the given tabs.
            expect([issue.cell, raw.tabs.some((t) => t.name === issue.tab)]).toEqual(['A1', false]);
            continue;
          }
          const tab = raw.tabs.find((t) => t.name === issue.tab);
          expect(tab).toBeDefined();
          const values = tab?.values ?? [];
          const width = (values[0] ?? []).length;
          if (POINTS_PAST_THE_END.includes(issue.code)) {
            // Where a missing header or setting would go: the first free column of row 1, or the first free row.
            expect(issue.code === 'missing_setting' ? row : column).toBeLessThanOrEqual(
              issue.code === 'missing_setting' ? Math.max(values.length, 1) + 1 : width + 1,
            );
            continue;
          }
          expect(row).toBeLessThanOrEqual(values.length);
          expect(column).toBeLessThanOrEqual(Math.max(width, ...values.map((r) => r.length)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateWorkbook: the exact drafts of each cross-row check (mutation survivors of 36e2adf)', () => {
  const drafts = (tabs: Record<string, unknown[][]>, code: string) =>
    validateWorkbook(readWorkbook(rawWorkbook(tabs)).workbook).filter((i) => i.code === code);

  it('names a tab and a column as the sheet does (an alias), and warns about a negative 金額, not about 0', () => {
    const { 費用: _costs, ...rest } = BAD_WORKBOOK;
    const tabs = {
      ...rest,
      ' 費用 ': [
        ['日付', '事業内容', '費目', 'ＡＭＯＵＮＴ'],
        ['2022/4/1', '育成事業', '人件費', -500],
        ['2022/4/2', '育成事業', '人件費', 0],
      ],
    };
    expect(drafts(tabs, 'negative_amount')).toStrictEqual([
      {
        severity: 'warning',
        code: 'negative_amount',
        tab: ' 費用 ',
        cell: 'D2',
        column: 'ＡＭＯＵＮＴ',
        value: '-500',
      },
    ]);
  });

  it('reports a missing target tab once, at A1 of that tab, naming the first referring cell by its tab as typed', () => {
    const { 企業: _companies, 候補者: _candidates, ...rest } = BAD_WORKBOOK;
    const tabs = {
      ...rest,
      Candidates: [
        ['候補者ID', '初回接点日', '就職先企業ID', '同意取得日'],
        ['C1', '2022/4/1', '', '2022/4/1'],
        ['C2', '2022/4/1', 'K1', '2022/4/1'],
        ['C3', '2022/4/1', 'K2', '2022/4/1'],
      ],
    };
    expect(drafts(tabs, 'missing_tab')).toStrictEqual([
      {
        severity: 'error',
        code: 'missing_tab',
        tab: '企業',
        cell: 'A1',
        column: '',
        value: '',
        params: { other: 'Candidates!C3' },
      },
    ]);
  });

  it('gives an unknown 事業内容 (one value, not a list) its target tab and no count', () => {
    expect(drafts(BAD_WORKBOOK, 'unknown_reference').filter((i) => i.column === '事業内容')).toStrictEqual([
      {
        severity: 'error',
        code: 'unknown_reference',
        tab: 'イベント',
        cell: 'B2',
        column: '事業内容',
        value: '未知事業',
        params: { other: '事業' },
      },
    ]);
  });

  it('counts distinct 参加者ID: 1 participant for C1 and c1 is right, 1 for C001 and C003 is not', () => {
    const tabs = {
      ...BAD_WORKBOOK,
      イベント: [
        ['イベントID', '事業内容', '種別', '開始日', '参加者数', '参加者ID'],
        ['E1', '育成事業', '交流会', '2022/7/1', 1, 'C001, c001'],
        ['E2', '育成事業', '交流会', '2022/7/1', 1, 'C001, C003'],
      ],
    };
    expect(drafts(tabs, 'participants_below_ids')).toStrictEqual([
      {
        severity: 'error',
        code: 'participants_below_ids',
        tab: 'イベント',
        cell: 'E3',
        column: '参加者数',
        value: '1',
        params: { count: 2 },
      },
    ]);
  });

  it('accepts 1980/1/1 and 2100/12/31 and refuses the day before and the day after', () => {
    const tabs = {
      ...BAD_WORKBOOK,
      候補者: [
        ['候補者ID', '初回接点日', '同意取得日'],
        ['C1', '1980/1/1', '2100/12/31'],
        ['C2', '1979/12/31', '2101/1/1'],
      ],
    };
    expect(drafts(tabs, 'implausible_date').map((i) => `${i.cell} ${i.value}`)).toEqual([
      `B3 ${MASKED_VALUE}`,
      `C3 ${MASKED_VALUE}`,
    ]);
  });

  it('compares no date with a blank one, even a date before 1970 (a negative day number)', () => {
    const tabs = {
      ...BAD_WORKBOOK,
      候補者: [
        ['候補者ID', '初回接点日', '就職日', '離職日', '求職有効期限', '同意取得日'],
        ['C1', '', '1960/4/1', '', '', '2022/4/1'],
        ['C2', '2022/4/1', '', '1960/4/1', '1960/4/1', '2022/4/1'],
      ],
      求人: [
        ['求人ID', '企業ID', '受理日', '有効期限', '求人数', '雇用期間'],
        ['J1', 'K001', '', '1960/4/1', 1, '4か月以上'],
      ],
      イベント: [
        ['イベントID', '事業内容', '種別', '開始日', '終了日'],
        ['E1', '育成事業', '交流会', '', '1960/4/1'],
      ],
    };
    const issues = validateWorkbook(readWorkbook(rawWorkbook(tabs)).workbook);
    expect(issues.filter((i) => i.code === 'implausible_date').map((i) => `${i.tab}!${i.cell}`)).toEqual([
      '候補者!C2',
      '候補者!D3',
      '候補者!E3',
      '求人!D2',
      'イベント!E2',
    ]);
    for (const code of [
      'hired_before_contact',
      'end_before_start',
      'expiry_before_received',
      'left_before_hired',
      'seeking_expiry_before_application',
    ]) {
      expect([code, issues.filter((i) => i.code === code)]).toEqual([code, []]);
    }
  });

  it('lets an event end on the day it starts', () => {
    const tabs = {
      ...BAD_WORKBOOK,
      イベント: [
        ['イベントID', '事業内容', '種別', '開始日', '終了日'],
        ['E1', '育成事業', '交流会', '2022/6/1', '2022/6/1'],
        ['E2', '育成事業', '交流会', '2022/6/1', '2022/5/31'],
      ],
    };
    expect(drafts(tabs, 'end_before_start').map((i) => `${i.cell} ${i.value}`)).toEqual(['E3 2022-05-31']);
  });

  it('points missing consent at the first filled column when 同意取得日 is not a column, naming each as typed', () => {
    const tabs = {
      ...BAD_WORKBOOK,
      候補者: [
        ['候補者ID', 'Name', '国籍', '初回接点日'],
        ['C1', 'SENTINEL_氏名', 'SENTINEL_国籍', '2022/4/1'],
        ['C2', '', '', '2022/4/1'],
      ],
    };
    expect(drafts(tabs, 'missing_consent')).toStrictEqual([
      { severity: 'warning', code: 'missing_consent', tab: '候補者', cell: 'B2', column: 'Name・国籍', value: '' },
    ]);
  });
});
