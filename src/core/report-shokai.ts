// This file defines the 職業紹介事業報告書 builder (様式第8号, DESIGN §9): a checked Workbook and a year → ReportDocument.
import { ymdFromDayNumber } from './cells';
import { cellTag, metricTag } from './figure-tags';
import { type Filters, findMetric, formatThousands, type MetricDef, shokaiYearPeriod } from './metrics';
import type { Workbook } from './records';
import type { Alignment, Block, ReportDocument, ReportKind, ReportTable, TableCell } from './report-document';

/** Every kind of report a run can make, the default first. */
export const REPORT_KINDS: readonly ReportKind[] = ['jigyo', 'shokai'];

/** The form's title, also the stem of its file and Doc names. */
export const SHOKAI_TITLE = '職業紹介事業報告書';

/** Each report's Japanese name: the stem of its files and Docs, and how messages name it. */
export const REPORT_NAMES: Readonly<Record<ReportKind, string>> = { jigyo: '事業報告書', shokai: SHOKAI_TITLE };

/** One row of the form: what it prints, the registry metric behind it, and the unit it is counted in. */
interface FormRow {
  /** What the form prints when it is not the metric's own name. */
  readonly label?: string;
  readonly metric: string;
  readonly unit: '人' | '件' | '円';
}

interface FormPart {
  readonly heading: string;
  readonly rows: readonly FormRow[];
}

/** The form's parts in its order; 国外にわたる職業紹介 repeats them with the condition 国外=はい. */
const PARTS: readonly FormPart[] = [
  {
    heading: '求人',
    rows: [
      { label: '有効求人数（3月31日現在）', metric: '有効求人数', unit: '人' },
      { metric: '常用求人数', unit: '人' },
      { metric: '臨時求人数', unit: '人' },
      { metric: '日雇求人数', unit: '人' },
    ],
  },
  {
    heading: '求職',
    rows: [
      { metric: '新規求職申込件数', unit: '件' },
      { label: '有効求職者数（3月31日現在）', metric: '有効求職者数', unit: '人' },
    ],
  },
  {
    heading: '就職',
    rows: [
      { metric: '常用就職件数', unit: '件' },
      { metric: '臨時就職件数', unit: '件' },
      { metric: '日雇就職件数', unit: '件' },
    ],
  },
  {
    heading: '無期雇用と6か月以内の離職',
    rows: [
      { metric: '無期雇用就職件数', unit: '件' },
      { label: 'うち6か月以内に離職した者（解雇を除く）', metric: '6か月以内離職者数', unit: '人' },
      { label: 'うち離職したかどうか不明の者', metric: '離職不明者数', unit: '人' },
    ],
  },
  {
    heading: '手数料',
    rows: [{ metric: '手数料収入', unit: '円' }],
  },
];

const NUMBERS = ['１', '２', '３', '４', '５', '６'];
const ABROAD: Filters = { 国外: ['はい'] };

/** The 人材サービス総合サイト figures: label, the metrics summed (国内 and 国外), and the line defining it. */
const SITE_FIGURES: readonly { readonly label: string; readonly metrics: readonly string[] }[] = [
  { label: '年度就職者数', metrics: ['常用就職件数', '臨時就職件数', '日雇就職件数'] },
  { label: '無期雇用就職者数', metrics: ['無期雇用就職件数'] },
  { label: 'うち6か月以内離職者数', metrics: ['6か月以内離職者数'] },
  { label: 'うち離職不明者数', metrics: ['離職不明者数'] },
];

/**
 * Notes on what the figures leave out or count alike; each figure's own definition follows them, one line per metric,
 * from the registry's description (one definition of each rule, shared with templates and formulas).
 */
const NOTES: readonly string[] = [
  '期間は、年度開始月にかかわらず4月1日から翌年3月31日までです。',
  '１〜５は国内の数（国外=はい の行を除く）、６は国外にわたる職業紹介の数、第２の数は国内と国外の合計です。',
  '臨時・日雇の延数は、日数を記録していないため求人数・件数で示しています。',
  '載せていないもの（様式に転記するときに記入）: 許可番号・事業所、職業別と手数料の種類別の内訳、国外の相手先国、紹介予定派遣。',
  '氏名・ID・企業名など、個人や一社を特定できる情報は載せていません。',
];

function metricNamed(name: string): MetricDef {
  const metric = findMetric(name);
  if (!metric) throw new Error(`metric ${name} is not registered`);
  return metric;
}

/**
 * A figure cell (issue 14): the whole text is the figure named `tag`, so `--update` and 報告書の数字を更新 find it
 * again (`m:常用求人数`, `m:常用求人数|国外=はい`, `site:年度就職者数`).
 */
function figure(text: string, tag: string): TableCell {
  return { text, figures: [{ start: 0, end: text.length, tag }] };
}

/** A form table; each row's cells are plain text except its one figure. */
function formTable(
  header: readonly string[],
  rows: readonly (readonly (string | TableCell)[])[],
  align: readonly Alignment[],
  widths: readonly number[],
): ReportTable {
  return {
    kind: 'table',
    header: [...header],
    rows: rows.map((row) => row.map((cell) => (typeof cell === 'string' ? { text: cell } : cell))),
    align,
    widths,
  };
}

/** Builds the 職業紹介事業報告書. Japanese only: the form is filed with the 労働局 in Japanese (DESIGN §9). */
export function buildShokaiDocument(workbook: Workbook, year: number): ReportDocument {
  const period = shokaiYearPeriod(year);
  const compute = (metric: string, filters: Filters = {}) => metricNamed(metric).compute({ workbook, period }, filters);
  /** A metric's figure, tagged by its name and condition as a `{{指標名|国外=はい}}` placeholder would be. */
  const metricCell = (metric: string, filters: Filters = {}) =>
    figure(formatThousands(compute(metric, filters)), metricTag(metricNamed(metric), filters));
  const start = ymdFromDayNumber(period.start);
  const end = ymdFromDayNumber(period.end);
  const title = `${year}年度 ${SHOKAI_TITLE}`;
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: workbook.settings.orgName },
    {
      kind: 'subtitle',
      text: `（${start.year}年${start.month}月${start.day}日から${end.year}年${end.month}月${end.day}日まで）`,
    },
    { kind: 'heading', level: 1, text: '第１　職業紹介の実績（様式第8号）' },
  ];
  PARTS.forEach((part, index) => {
    blocks.push({ kind: 'heading', level: 2, text: `${NUMBERS[index]}．${part.heading}` });
    blocks.push(
      formTable(
        ['項目', '数', '単位'],
        part.rows.map((row) => [row.label ?? row.metric, metricCell(row.metric), row.unit]),
        ['left', 'right', 'center'],
        [60, 25, 15],
      ),
    );
  });
  blocks.push({ kind: 'heading', level: 2, text: `${NUMBERS[PARTS.length]}．国外にわたる職業紹介` });
  blocks.push(
    formTable(
      ['区分', '項目', '数', '単位'],
      PARTS.flatMap((part) =>
        part.rows.map((row) => [part.heading, row.label ?? row.metric, metricCell(row.metric, ABROAD), row.unit]),
      ),
      ['left', 'left', 'right', 'center'],
      [25, 45, 18, 12],
    ),
  );
  blocks.push({ kind: 'heading', level: 1, text: '第２　人材サービス総合サイトで公開する数' });
  blocks.push(
    formTable(
      ['項目', '人数', '定義'],
      SITE_FIGURES.map((site) => {
        const total = site.metrics.reduce((sum, metric) => sum + compute(metric) + compute(metric, ABROAD), 0);
        const definition =
          site.metrics.length === 1 ? metricNamed(site.metrics[0]).description : `${site.metrics.join('・')}の合計`;
        return [site.label, figure(formatThousands(total), cellTag('site', site.label)), definition];
      }),
      ['left', 'right', 'left'],
      [25, 15, 60],
    ),
  );
  blocks.push({ kind: 'heading', level: 1, text: '注記' });
  for (const note of NOTES) blocks.push({ kind: 'note', text: note });
  for (const row of PARTS.flatMap((part) => part.rows)) {
    blocks.push({ kind: 'note', text: `${row.metric}: ${metricNamed(row.metric).description}` });
  }
  return { language: 'ja', title, year, orgName: workbook.settings.orgName, blocks, kind: 'shokai' };
}
