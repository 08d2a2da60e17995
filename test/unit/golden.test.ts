// Golden test: the sample workbook's ReportDocument carries every figure of the reference report, in its place.
import { makeSampleWorkbook } from '../../scripts/make-sample';
import { makeReport } from '../../src/core/pipeline';
import type { Block, ReportDocument, ReportTable } from '../../src/core/report-document';

function sampleReport(): ReportDocument {
  const result = makeReport({ tabs: makeSampleWorkbook() as never });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  expect(result.issues.map((i) => i.code)).toEqual(['negative_amount']);
  return result.report;
}

/** The paragraphs under a 【見出し】 (and optionally a <小見出し>), joined. */
function section(doc: ReportDocument, heading: string, subheading?: string): string {
  const blocks = doc.blocks;
  let index = blocks.findIndex((b) => b.kind === 'heading' && b.level === 2 && b.text === `【${heading}】`);
  expect(index).toBeGreaterThan(0);
  if (subheading) {
    index = blocks.findIndex(
      (b, i) => i > index && b.kind === 'heading' && b.level === 3 && b.text === `<${subheading}>`,
    );
    expect(index).toBeGreaterThan(0);
  }
  const out: string[] = [];
  for (const block of blocks.slice(index + 1) as Block[]) {
    if (block.kind !== 'paragraph') break;
    out.push(block.text);
  }
  return out.join('\n');
}

/** The first table of the report (（１）) and a reader of its cells. */
function firstTable(doc: ReportDocument): { table: ReportTable; cell: (row: number, column: number) => string } {
  const table = doc.blocks.find((b): b is ReportTable => b.kind === 'table') as ReportTable;
  return { table, cell: (row, column) => table.rows[row][column].text };
}

// Each test builds the report itself (not once at describe time), so mutation testing credits the tests that check it.
describe('sample FY2022 report (golden)', () => {
  it('has the title, the period and both section headings with the totals', () => {
    const doc = sampleReport();
    expect(doc.blocks.slice(0, 4).map((b) => ('text' in b ? b.text : ''))).toEqual([
      '2022年度 事業報告書',
      '特定非営利活動法人 サンプル就労支援ネット',
      '（2022年4月1日から2023年3月31日まで）',
      '１．事業の成果',
    ]);
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => ('text' in b ? b.text : ''));
    expect(headings).toEqual([
      '１．事業の成果',
      '【職業紹介事業】',
      '【統合事業】',
      '<難民の方との接点構築>',
      '<育成事業>',
      '<在留資格の安定化に向けた支援>',
      '【啓発事業】',
      '２．事業の実施に関する事項',
      '（１）特定非営利活動に係る事業（事業費の総費用【 22,393 】千円）',
      '（２）その他の事業（事業費の総費用【 0 】千円）',
    ]);
    const other = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('（２）'));
    expect(doc.blocks[other + 1]).toEqual({ kind: 'paragraph', text: 'なし' });
  });

  it('fills the table of （１） cell by cell', () => {
    const { table, cell } = firstTable(sampleReport());
    expect(table.header).toEqual([
      '定款に記載された事業名',
      '事業内容',
      '実施日時',
      '実施場所',
      '従事者人数',
      '受益対象者の範囲',
      '受益対象者の人数',
      '事業費（千円）',
    ]);
    expect(table.rows).toHaveLength(4);
    expect([0, 1, 2, 3].map((r) => [cell(r, 0), cell(r, 1), cell(r, 2), cell(r, 3), cell(r, 4)])).toEqual([
      ['職業紹介事業', '職業紹介事業', '通年', '関東', '6人（兼任）'],
      ['難民の日本社会への統合を促す事業', '育成事業', '通年', '関東', '3人（兼任）'],
      ['難民の現状と課題を調査・発信する事業', '啓発事業', '不定期', '関東', '3人'],
      ['その他目的を達成するために必要な事業', 'ファンドレイジング', '不定期', '不特定', '3人'],
    ]);
    expect([0, 1, 2, 3].map((r) => cell(r, 5))).toEqual([
      '就労許可を持つ難民/外国人材採用に関心のある企業',
      '日本で暮らす難民申請中の者を含む難民・避難民',
      '日本企業・市民',
      '日本企業・市民',
    ]);
    expect([0, 1, 2, 3].map((r) => cell(r, 6))).toEqual([
      '7名',
      'キャリア教育機会参加者延べ282名',
      '各回10人～200人規模・計71回',
      '－',
    ]);
    expect([0, 1, 2, 3].map((r) => cell(r, 7))).toEqual(['6,408', '9,966', '5,218', '800']);
  });

  it('states every figure of section 1 in its section, each with the words around it', () => {
    const doc = sampleReport();
    // Whole phrases, so 17件 or 170名 cannot pass for 7件 or 70名.
    expect(section(doc, '職業紹介事業')).toContain(
      '今年度は23社と初めてのヒアリングを行い（面談は延べ31回）、27件の新規求人',
    );
    expect(section(doc, '職業紹介事業')).toContain('日本企業への就職が7件決まった。');
    const contacts = section(doc, '統合事業', '難民の方との接点構築');
    expect(contacts).toContain('新たに137名の難民の方と出会う');
    expect(contacts).toContain('日本で働くことを望む84名が就労伴走支援サービスに登録');
    expect(contacts).toContain('面談を行い（84名）');
    const training = section(doc, '統合事業', '育成事業');
    for (const phrase of [
      '計9回開催し、参加者は延べ71名',
      'を3期にわたって実施し、合わせて16名が参加',
      '、6名の難民の方',
      '、1名が自分で応募',
      '、3名が年度末',
      '試行し、2名が参加',
      '毎週1時間開き（計52回）',
      '避難してきた6名が受講',
    ]) {
      expect(training).toContain(phrase);
    }
    expect(section(doc, '統合事業', '在留資格の安定化に向けた支援')).toContain('新たに2名の在留資格の変更');
    const awareness = section(doc, '啓発事業');
    expect(awareness).toContain('計71回の講演');
    expect(awareness).toContain('回によって10名から200名まで');
    expect(awareness).toContain('、122回の取材');
  });
});
