// This file tests the sample workbook (scripts/make-sample.ts, samples/fy2022): it reads cleanly, its metrics are the
// reference report's figures, its templates evaluate to them, and the committed CSV files are what the script makes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCsv, makeSampleWorkbook, SAMPLE_DIR, type SampleCell } from '../../scripts/make-sample';
import { dayNumberFromYmd } from '../../src/core/cells';
import { fiscalPeriod } from '../../src/core/fiscal-year';
import { type FilterKey, type Filters, findMetric, METRICS } from '../../src/core/metrics';
import { makeReport } from '../../src/core/pipeline';
import { type RawWorkbook, readWorkbook } from '../../src/core/read-workbook';
import type { Workbook } from '../../src/core/records';
import { validateWorkbook } from '../../src/core/validate';

const tabs = makeSampleWorkbook();
const raw: RawWorkbook = { tabs };
const read = readWorkbook(raw);
const workbook = read.workbook;

function metric(name: string, filters: Filters = {}, year = 2022, book: Workbook = workbook): number {
  const def = findMetric(name);
  if (!def) throw new Error(`no metric ${name}`);
  return def.compute({ workbook: book, period: fiscalPeriod(year) }, filters);
}

/** 千円 as the report shows it. */
function thousandYen(yen: number, rounding: '四捨五入' | '切り捨て'): number {
  return rounding === '四捨五入' ? Math.round(yen / 1000) : Math.floor(yen / 1000);
}

/** A minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const PROGRAMS = ['職業紹介事業', '育成事業', '啓発事業', 'ファンドレイジング'];

describe('makeSampleWorkbook', () => {
  it('has the eight tabs in contract order, headers from the schema', () => {
    expect(tabs.map((tab) => tab.name)).toEqual(['設定', '事業', '候補者', '企業', '求人', 'イベント', '費用', '本文']);
    expect(tabs[2].values[0].slice(0, 4)).toEqual(['候補者ID', '氏名', '属性', '国籍']);
    for (const tab of tabs) {
      expect(new Set(tab.values.map((row) => row.length))).toEqual(new Set([tab.values[0].length]));
    }
  });

  it('is deterministic', () => {
    expect(makeSampleWorkbook()).toEqual(tabs);
  });

  it('reads and validates with no error; the one warning is the refund', () => {
    expect(read.issues).toEqual([]);
    expect(validateWorkbook(workbook).map((issue) => [issue.severity, issue.code, issue.tab])).toEqual([
      ['warning', 'negative_amount', '費用'],
    ]);
    expect(workbook.settings).toMatchObject({
      orgName: '特定非営利活動法人 サンプル就労支援ネット',
      fiscalYear: 2022,
      fiscalStartMonth: 4,
      rounding: '四捨五入',
      suppressionThreshold: 3,
      language: 'ja',
    });
  });

  it('builds a report with no error through the pipeline (templates included)', () => {
    const result = makeReport(raw);
    expect(result.issues.map((issue) => issue.code)).toEqual(['negative_amount']);
    expect(result.ok).toBe(true);
  });

  it('holds only fictional people: pseudonyms, consent on every row, hires after the first contact', () => {
    expect(workbook.candidates.length).toBeGreaterThanOrEqual(137 + 5);
    for (const candidate of workbook.candidates) {
      expect(candidate.name).toMatch(/^仮名\d{4}$/);
      expect(candidate.consentDate).not.toBeNull();
      if (candidate.hired !== null) expect(candidate.hired).toBeGreaterThanOrEqual(candidate.firstContact as number);
      if (candidate.route === '職業紹介') expect(candidate.employerId).toMatch(/^K\d{3}$/);
    }
    for (const company of workbook.companies) expect(company.companyName).toMatch(/^架空.+株式会社$/);
  });
});

describe('the sample reproduces the reference figures (FY2022)', () => {
  it.each<[string, Filters, number]>([
    ['就職者数', { 就職経路: ['職業紹介'] }, 7],
    ['就職者数', { 就職経路: ['自己応募'] }, 1],
    ['年度末在職者数', { 雇用形態: ['フルリモート'] }, 3],
    ['新規接点数', {}, 137],
    ['登録者数', {}, 84],
    ['面談実施数', {}, 84],
    ['在留資格変更数', {}, 2],
    ['イベント回数', { 事業内容: ['育成事業'], 種別: ['交流会', '勉強会'] }, 9],
    ['参加者数', { 事業内容: ['育成事業'], 種別: ['交流会', '勉強会'] }, 71],
    ['イベント回数', { 種別: ['メンターシップ'] }, 3],
    ['参加者実人数', { 種別: ['メンターシップ'] }, 16],
    ['参加者数', { 種別: ['メンターシップ'] }, 16],
    ['参加者実人数', { 事業内容: ['育成事業'], 種別: ['研修'] }, 6],
    ['参加者数', { 種別: ['日本語プログラム'] }, 2],
    ['参加者数', { 種別: ['AIアノテーション講座'] }, 6],
    ['参加者数', { 事業内容: ['育成事業'] }, 282],
    ['イベント回数', { 事業内容: ['啓発事業'], 種別: ['講演'] }, 71],
    ['イベント回数', { 種別: ['講演'] }, 71],
    ['イベント回数', { 事業内容: ['啓発事業'], 種別: ['メディア取材'] }, 122],
    ['参加者数最小', { 種別: ['講演'] }, 10],
    ['参加者数最大', { 種別: ['講演'] }, 200],
  ])('%s %j = %d', (name, filters, expected) => {
    expect(metric(name, filters)).toBe(expected);
  });

  it('has figures of its own for the narrative: companies, openings, hearings, salon sessions', () => {
    expect(metric('ヒアリング企業数')).toBe(23);
    expect(metric('新規求人数')).toBe(27);
    expect(metric('イベント回数', { 事業内容: ['職業紹介事業'], 種別: ['企業ヒアリング'] })).toBe(31);
    expect(metric('イベント回数', { 種別: ['日本語サロン'] })).toBe(52);
  });

  it('costs per 事業 round to 6,408 / 9,966 / 5,218 / 800 千円 and 22,393 in all, either rounding', () => {
    const yen = PROGRAMS.map((program) => metric('事業費', { 事業内容: [program] }));
    expect(yen).toEqual([6_408_300, 9_966_300, 5_218_300, 800_100]);
    const total = metric('事業費合計', { 区分: ['特定非営利活動'] });
    expect(total).toBe(22_393_000);
    expect(metric('事業費')).toBe(total);
    for (const rounding of ['四捨五入', '切り捨て'] as const) {
      expect(yen.map((amount) => thousandYen(amount, rounding))).toEqual([6408, 9966, 5218, 800]);
      expect(thousandYen(total, rounding)).toBe(22393);
    }
    expect(metric('事業費合計', { 区分: ['その他の事業'] })).toBe(0);
  });

  it('keeps 管理費 apart from 事業費', () => {
    expect(metric('管理費')).toBe(12 * 150_000 + 12 * 80_000 + 15_400);
    expect(metric('事業費', { 事業内容: ['管理費'] })).toBe(0);
  });

  it('reads the hand-typed cells as meant (和暦, 円, 千円, full-width digits, refund)', () => {
    const amountsOn = (year: number, month: number, day: number) =>
      workbook.costs.filter((cost) => cost.date === dayNumberFromYmd(year, month, day)).map((cost) => cost.amount);
    expect(amountsOn(2022, 6, 1)).toContain(12_000); // R4.6.1, 12,000円
    expect(amountsOn(2022, 5, 10)).toContain(50_000); // 令和4年5月10日, 50千円
    expect(amountsOn(2022, 7, 1)).toContain(120_000); // １２０，０００
    expect(amountsOn(2022, 9, 30)).toContain(33_000); // 2022年9月30日, ¥33,000
    expect(amountsOn(2022, 7, 5)).toEqual([-8_800]);
  });

  it('has the 職業紹介事業報告 figures worked out from the CSV files by a separate script (April–March, 国内)', () => {
    const shokai: Record<string, number> = {};
    for (const name of [
      '新規求職申込件数',
      '有効求職者数',
      '常用求人数',
      '臨時求人数',
      '日雇求人数',
      '有効求人数',
      '常用就職件数',
      '臨時就職件数',
      '日雇就職件数',
      '無期雇用就職件数',
      '6か月以内離職者数',
      '離職不明者数',
      '手数料収入',
    ])
      shokai[name] = metric(name);
    expect(shokai).toEqual({
      新規求職申込件数: 84, // every 登録日 of FY2022 (the placed ones applied at their first interview, also FY2022)
      有効求職者数: 42, // registered from 2022-09-30 on (six months' validity), not placed by 3/31
      常用求人数: 26,
      臨時求人数: 1, // J0013, K010's three-month post
      日雇求人数: 0,
      有効求人数: 27, // every FY2022 order (valid 12 months), the 求人数 of none received earlier
      常用就職件数: 7, // five 期間の定めなし, two 4か月以上
      臨時就職件数: 0,
      日雇就職件数: 0,
      無期雇用就職件数: 5,
      '6か月以内離職者数': 1, // C0025, 8/1 → 10/15, 解雇以外
      離職不明者数: 1, // C0065
      手数料収入: 5 * 250_000 + 2 * 120_000,
    });
    expect(metric('常用就職件数', { 国外: ['はい'] })).toBe(0);
    expect(metric('新規求人数')).toBe(27); // the same from 求人 as from 企業
  });

  it('has rows in FY2021 and FY2023 that year filtering leaves out', () => {
    expect(metric('新規接点数', {}, 2021)).toBe(12);
    expect(metric('新規接点数', {}, 2023)).toBe(5);
    expect(metric('就職者数', { 就職経路: ['職業紹介'] }, 2021)).toBe(1);
    expect(metric('在留資格変更数', {}, 2023)).toBe(1);
    expect(metric('参加者数最小', { 種別: ['講演'] }, 2021)).toBe(5);
    expect(metric('参加者数最大', { 種別: ['講演'] }, 2023)).toBe(300);
    expect(metric('参加者数', { 事業内容: ['育成事業'], 種別: ['交流会'] }, 2021)).toBe(12);
    expect(metric('事業費', {}, 2021)).toBe(420_000 + 27_500);
    expect(metric('事業費', {}, 2023)).toBe(9_900 + 380_000 + 420_000 + 250_000 + 40_000);
  });
});

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** Every placeholder in 本文 (both languages) and 受益対象者の人数 → the figure it must show in FY2022. */
const TEMPLATE_FIGURES: Record<string, number> = {
  '{{就職者数|就職経路=職業紹介}}': 7,
  '{{就職者数|就職経路=自己応募}}': 1,
  '{{年度末在職者数|雇用形態=フルリモート}}': 3,
  '{{新規接点数}}': 137,
  '{{登録者数}}': 84,
  '{{面談実施数}}': 84,
  '{{在留資格変更数}}': 2,
  '{{イベント回数|事業内容=育成事業|種別=交流会,勉強会}}': 9,
  '{{参加者数|事業内容=育成事業|種別=交流会,勉強会}}': 71,
  '{{イベント回数|種別=メンターシップ}}': 3,
  '{{参加者実人数|種別=メンターシップ}}': 16,
  '{{参加者実人数|事業内容=育成事業|種別=研修}}': 6,
  '{{参加者数|種別=日本語プログラム}}': 2,
  '{{イベント回数|種別=日本語サロン}}': 52,
  '{{参加者数|種別=AIアノテーション講座}}': 6,
  '{{参加者数|事業内容=育成事業}}': 282,
  '{{イベント回数|事業内容=啓発事業|種別=講演}}': 71,
  '{{イベント回数|種別=講演}}': 71,
  '{{参加者数最小|事業内容=啓発事業|種別=講演}}': 10,
  '{{参加者数最大|事業内容=啓発事業|種別=講演}}': 200,
  '{{参加者数最小|種別=講演}}': 10,
  '{{参加者数最大|種別=講演}}': 200,
  '{{イベント回数|事業内容=啓発事業|種別=メディア取材}}': 122,
  '{{ヒアリング企業数}}': 23,
  '{{イベント回数|事業内容=職業紹介事業|種別=企業ヒアリング}}': 31,
  '{{新規求人数}}': 27,
};

/** Evaluates `{{名前|キー=値,値}}` with the registry, checking each filter is one the metric takes. */
function evaluatePlaceholder(source: string): number {
  const [name, ...conditions] = source.slice(2, -2).split('|');
  const def = METRICS.find((m) => m.id === name);
  if (!def) throw new Error(`unknown metric in ${source}`);
  const filters: Filters = {};
  for (const condition of conditions) {
    const [key, values] = condition.split('=') as [FilterKey, string];
    if (!def.filters.includes(key)) throw new Error(`filter ${key} not allowed in ${source}`);
    filters[key] = values.split(',');
  }
  return def.compute({ workbook, period: fiscalPeriod(2022) }, filters);
}

describe('the templates of 本文 and 受益対象者の人数', () => {
  const texts = [
    ...workbook.narrative.flatMap((row) => [row.body ?? '', row.bodyEn ?? '']),
    ...workbook.programs.map((row) => row.beneficiaryCount ?? ''),
  ];
  const placeholders = [...new Set(texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((m) => m[0])))];

  it('use exactly the listed placeholders, each evaluating to its figure', () => {
    expect([...placeholders].sort()).toEqual(Object.keys(TEMPLATE_FIGURES).sort());
    for (const placeholder of placeholders) {
      expect([placeholder, evaluatePlaceholder(placeholder)]).toEqual([placeholder, TEMPLATE_FIGURES[placeholder]]);
    }
  });

  it('write no figure as a bare number in the Japanese narrative (only dates and durations)', () => {
    for (const row of workbook.narrative) {
      const rest = (row.body ?? '').replace(PLACEHOLDER, '').replace(/\d{4}年|\d{1,2}月|\d+か月|\d+時間/g, '');
      expect(rest).not.toMatch(/[0-9０-９]/);
    }
  });

  it('cover the reference headings and subheadings in order', () => {
    expect(workbook.narrative.map((row) => [row.order, row.heading, row.subheading])).toEqual([
      [1, '職業紹介事業', null],
      [2, '統合事業', '難民の方との接点構築'],
      [3, '統合事業', '育成事業'],
      [4, '統合事業', '育成事業'],
      [5, '統合事業', '育成事業'],
      [6, '統合事業', '育成事業'],
      [7, '統合事業', '育成事業'],
      [8, '統合事業', '在留資格の安定化に向けた支援'],
      [9, '啓発事業', null],
      [10, '啓発事業', null],
    ]);
  });
});

describe('samples/fy2022 CSV files', () => {
  const asText = (values: readonly (readonly SampleCell[])[]) => values.map((row) => row.map(String));

  it.each(tabs.map((tab) => [tab.name, tab] as const))('%s.csv is what the script makes now', (name, tab) => {
    const committed = readFileSync(join(SAMPLE_DIR, `${name}.csv`), 'utf8');
    expect(committed.charCodeAt(0)).not.toBe(0xfeff);
    // Drift shows as a row-level diff first, then the byte-exact comparison.
    expect(parseCsv(committed)).toEqual(asText(tab.values));
    expect(committed).toBe(formatCsv(tab.values));
  });

  it('read from their text alone give the same workbook as the generator', () => {
    const fromCsv: RawWorkbook = {
      tabs: tabs.map((tab) => ({ name: tab.name, values: parseCsv(formatCsv(tab.values)) })),
    };
    expect(readWorkbook(fromCsv)).toEqual(read);
  });

  it('quote per RFC 4180', () => {
    expect(
      formatCsv([
        ['a,b', 'say "hi"', 'x'],
        [1, 'line\nbreak', ''],
      ]),
    ).toBe('"a,b","say ""hi""",x\r\n1,"line\nbreak",\r\n');
  });
});
