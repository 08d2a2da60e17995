// This file tests `{{…}}` in 事業.実施日時, 実施場所 and 従事者の備考: checked at their cells, suppressed, numbers only.
import { checkWorkbook, makeReport } from '../../src/core/pipeline';
import { readWorkbook } from '../../src/core/read-workbook';
import type { ReportTable } from '../../src/core/report-document';
import { type ResolvedReference, referenceKey, templateTexts } from '../../src/core/templates';
import { rawWorkbook } from '../helpers/raw';

const SENTINEL = 'SENTINEL_山田太郎';

/** 事業 columns A–H: 事業内容, 定款の事業名, 区分, 実施日時 (D), 実施場所 (E), 従事者人数, 従事者の備考 (G), 受益対象者の人数. */
function tabs(when: string, where = '関東', note = '', count = ''): Record<string, unknown[][]> {
  return {
    設定: [
      ['項目', '値'],
      ['団体名', 'テスト'],
      ['対象年度', 2022],
    ],
    事業: [
      ['事業内容', '定款の事業名', '区分', '実施日時', '実施場所', '従事者人数', '従事者の備考', '受益対象者の人数'],
      ['紹介', '職業紹介事業', '特定非営利活動', when, where, 2, note, count],
    ],
    // One 難民認定 hire (below 秘匿しきい値 3) and three 難民申請中 ones.
    候補者: [
      ['候補者ID', '氏名', '属性', '初回接点日', '就職日', '同意取得日'],
      ['C1', SENTINEL, '難民認定', '2022/4/1', '2022/5/1', '2022/4/1'],
      ['C2', '仮名二', '難民申請中', '2022/4/1', '2022/6/1', '2022/4/1'],
      ['C3', '仮名三', '難民申請中', '2022/4/1', '2022/6/1', '2022/4/1'],
      ['C4', '仮名四', '難民申請中', '2021/4/1', '2022/6/1', '2022/4/1'],
    ],
    企業: [['企業ID', '企業名']],
    イベント: [['イベントID', '事業内容', '種別', '開始日']],
    費用: [
      ['日付', '事業内容', '費目', '金額'],
      ['2022/4/1', '紹介', '人件費', 1000],
    ],
    本文: [['見出し', '本文']],
  };
}

/** Template issues as `タブ!セル code: message`. */
function issues(raw: Record<string, unknown[][]>, references = new Map<string, ResolvedReference>()): string[] {
  return checkWorkbook(rawWorkbook(raw), { references }).issues.map(
    (issue) => `${issue.tab}!${issue.cell} ${issue.code}: ${issue.message}`,
  );
}

/** The （１） table's only row. */
function programRow(raw: Record<string, unknown[][]>): string[] {
  const result = makeReport(rawWorkbook(raw));
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  const table = result.report.blocks.find((block) => block.kind === 'table') as ReportTable;
  return table.rows[0].map((cell) => cell.text);
}

describe('templateTexts', () => {
  it('lists 実施日時, 実施場所, 従事者の備考 and 受益対象者の人数 of each 事業 row, blank cells left out', () => {
    const workbook = readWorkbook(rawWorkbook(tabs('通年', '', '兼任', '{{就職者数}}名'))).workbook;
    expect(templateTexts(workbook)).toEqual([
      { tab: 'programs', key: 'when', row: 2, text: '通年' },
      { tab: 'programs', key: 'staffNote', row: 2, text: '兼任' },
      { tab: 'programs', key: 'beneficiaryCount', row: 2, text: '{{就職者数}}名' },
    ]);
  });
});

describe('{{…}} in 実施日時, 実施場所 and 従事者の備考', () => {
  it('an unknown metric in 実施日時 is an error at its 事業 cell', () => {
    const found = issues(tabs('通年（新規接点{{新規接点}}件）'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^事業!D2 unknown_metric: 「実施日時」の指標「新規接点」はありません。使える指標: 新規接点数、/,
    );
  });

  it('a malformed placeholder in 実施場所 and an unknown filter in 従事者の備考 are errors at their cells', () => {
    expect(issues(tabs('通年', '{{=}}', '{{就職者数|色=青}}'))).toEqual([
      '事業!E2 malformed_template: 「実施場所」の差し込み「{{=}}」の書き方が正しくありません（例: {{就職者数}}、{{参加者数|事業内容=育成事業}}）',
      expect.stringMatching(/^事業!G2 unknown_filter: 「従事者の備考」の条件「色」はこの指標に使えません。/),
    ]);
  });

  it('{{新規接点数}} in 実施日時 is checked and printed with the year’s figure', () => {
    const raw = tabs('通年（新規接点{{新規接点数}}件）', 'オンライン{{イベント回数}}回');
    expect(issues(raw)).toEqual([]);
    expect(programRow(raw).slice(2, 4)).toEqual(['通年（新規接点3件）', 'オンライン0回']);
  });

  it('a figure below 秘匿しきい値 in 実施日時 is suppressed like one in 本文', () => {
    const row = programRow(tabs('うち難民認定{{就職者数|属性=難民認定}}名', '{{就職者数|属性=難民申請中}}名'));
    // 1 is below 3: hidden (its unit with it, as in 本文); 3 stays (no total is printed to give the 1 back).
    expect(row.slice(2, 4)).toEqual(['うち難民認定（秘匿）', '3名']);
  });

  it('{{=…}} there obeys the numbers-only wall: text and personal cells are refused without echoing the value', () => {
    const references = new Map<string, ResolvedReference>([
      [referenceKey('名簿!B2'), { text: SENTINEL, sheet: '名簿', column: 1 }],
      [referenceKey('候補者!B2'), { text: SENTINEL, sheet: '候補者', column: 1 }],
      [referenceKey('集計!B3'), { text: '1,234', sheet: '集計', column: 1 }],
    ]);
    const raw = tabs('{{=集計!B3}}回', '{{=名簿!B2}}', '{{=候補者!B2}}');
    const found = issues(raw, references);
    expect(found).toEqual([
      '事業!E2 reference_not_number: 「実施場所」の参照「名簿!B2」のセルは数ではないため差し込めません。{{=…}} で差し込めるのは数だけです（例: 1,234、1,234円、12名、50%）',
      '事業!G2 personal_reference: 「従事者の備考」の参照「候補者!B2」は個人情報の列を指しているため使えません',
    ]);
    expect(JSON.stringify(makeReport(rawWorkbook(raw), { references }))).not.toContain('SENTINEL');
  });

  it('asks the adapter for the targets of these cells too (the workbook is read once)', () => {
    let asked: readonly string[] = [];
    const result = checkWorkbook(rawWorkbook(tabs('{{=集計!B3}}', '{{=集計!C3}}', '{{=集計!D3}}')), {
      references: (targets) => {
        asked = targets;
        return new Map();
      },
    });
    expect(asked).toEqual(['集計!B3', '集計!C3', '集計!D3']);
    expect(result.issues.map((issue) => `${issue.cell} ${issue.code}`)).toEqual([
      'D2 unknown_cell_reference',
      'E2 unknown_cell_reference',
      'G2 unknown_cell_reference',
    ]);
  });
});
