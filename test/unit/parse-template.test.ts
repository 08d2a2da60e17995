// Tests of the template parser and renderer by exact parts and problems: every placeholder form, every problem's
// code, value and params, and what a rendered figure or reference becomes.
import { fiscalPeriod } from '../../src/core/fiscal-year';
import { findMetric, METRICS } from '../../src/core/metrics';
import { readWorkbook } from '../../src/core/read-workbook';
import { figureKey } from '../../src/core/suppression';
import {
  collectReferenceTargets,
  parseTemplate,
  type ResolvedReference,
  referenceKey,
  referenceProblem,
  renderTemplate,
  SUPPRESSED_LABEL,
  templateTexts,
  yearCondition,
} from '../../src/core/templates';
import { rawWorkbook } from '../helpers/raw';

const ALL_METRICS = METRICS.map((m) => m.id).join('、');

/** Parts as plain tuples: what each piece is, so a wrong split or a lost filter shows in the diff. */
function shape(text: string) {
  const { parts, problems } = parseTemplate(text);
  return {
    parts: parts.map((part) =>
      part.kind === 'text'
        ? ['text', part.text]
        : part.kind === 'reference'
          ? ['reference', part.target, part.source]
          : ['metric', part.metric.id, part.filters, part.source],
    ),
    problems,
  };
}

describe('parseTemplate', () => {
  it('splits text, a metric with trimmed name and conditions, and a reference with its trimmed target', () => {
    expect(shape('就職{{ 就職者数 | 就職経路 = 職業紹介 }}名、寄付{{ = 集計!B3 }}円。')).toEqual({
      parts: [
        ['text', '就職'],
        ['metric', '就職者数', { 就職経路: ['職業紹介'] }, '{{ 就職者数 | 就職経路 = 職業紹介 }}'],
        ['text', '名、寄付'],
        ['reference', '集計!B3', '{{ = 集計!B3 }}'],
        ['text', '円。'],
      ],
      problems: [],
    });
  });

  it('keeps two placeholders side by side without an empty text between them, and text only when there is some', () => {
    expect(shape('{{就職者数}}{{登録者数}}').parts).toEqual([
      ['metric', '就職者数', {}, '{{就職者数}}'],
      ['metric', '登録者数', {}, '{{登録者数}}'],
    ]);
    expect(shape('').parts).toEqual([]);
    expect(shape('ただの文').parts).toEqual([['text', 'ただの文']]);
  });

  it('reads several conditions, each with comma-separated values', () => {
    expect(shape('{{参加者数|事業内容=育成事業|種別=交流会,勉強会}}').parts).toEqual([
      [
        'metric',
        '参加者数',
        { 事業内容: ['育成事業'], 種別: ['交流会', '勉強会'] },
        '{{参加者数|事業内容=育成事業|種別=交流会,勉強会}}',
      ],
    ]);
  });

  it('names an unknown metric with the list of metrics, and an empty name as malformed with the whole placeholder', () => {
    expect(shape('a{{就職しゃ数}}b').problems).toEqual([
      { severity: 'error', code: 'unknown_metric', value: '就職しゃ数', params: { expected: ALL_METRICS } },
    ]);
    expect(shape('a{{ |種別=講演}}b').problems).toEqual([
      { severity: 'error', code: 'malformed_template', value: '{{ |種別=講演}}', params: { expected: ALL_METRICS } },
    ]);
    expect(shape('a{{就職しゃ数}}b').parts).toEqual([
      ['text', 'a'],
      ['text', 'b'],
    ]);
  });

  it('refuses an empty reference target as malformed', () => {
    expect(shape('{{= }}')).toEqual({
      parts: [],
      problems: [{ severity: 'error', code: 'malformed_template', value: '{{= }}' }],
    });
  });

  it('names a filter the metric does not take, with the filters it does take (or none)', () => {
    expect(shape('{{就職者数|種別=講演}}')).toEqual({
      parts: [],
      problems: [
        { severity: 'error', code: 'unknown_filter', value: '種別', params: { expected: '就職経路、雇用形態、属性' } },
      ],
    });
    expect(shape('{{ヒアリング企業数|種別=講演}}').problems).toEqual([
      { severity: 'error', code: 'unknown_filter', value: '種別', params: { expected: undefined } },
    ]);
  });

  it('names an unknown filter name as written, and a condition without = as malformed', () => {
    expect(shape('{{就職者数|地域=関東}}').problems).toEqual([
      { severity: 'error', code: 'unknown_filter', value: '地域', params: { expected: '就職経路、雇用形態、属性' } },
    ]);
    expect(shape('{{就職者数|職業紹介}}').problems).toEqual([
      { severity: 'error', code: 'malformed_template', value: '{{就職者数|職業紹介}}' },
    ]);
  });

  it('drops a metric with one bad condition among good ones (never a figure with a filter silently left out)', () => {
    const { parts, problems } = shape('{{就職者数|就職経路=職業紹介|地域=関東}}');
    expect(parts).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(['unknown_filter']);
  });

  it('reports braces left over, quoting at most 40 characters of the cell', () => {
    expect(shape('就職{{就職者数}名').problems).toEqual([
      { severity: 'error', code: 'malformed_template', value: '就職{{就職者数}名' },
    ]);
    const forty = `${'あ'.repeat(38)}}}`;
    expect(shape(forty).problems).toEqual([{ severity: 'error', code: 'malformed_template', value: forty }]);
    const long = `${'あ'.repeat(40)}}}`;
    expect(shape(long).problems).toEqual([
      { severity: 'error', code: 'malformed_template', value: `${'あ'.repeat(40)}…` },
    ]);
  });
});

describe('referenceProblem: the textual wall beside the formula parser', () => {
  const workbook = readWorkbook(rawWorkbook({ 設定: [['項目', '値']] })).workbook;
  const at = (formula: string): ResolvedReference => ({ text: '3', sheet: '集計', column: 0, formula });

  it('refuses a formula that names 候補者! or Candidates! even inside a string the parser reads as text', () => {
    expect(referenceProblem(workbook, at('=LEN("候補者!B2")'))).toBe('personal_formula_reference');
    expect(referenceProblem(workbook, at('=LEN("Candidates!B2")'))).toBe('personal_formula_reference');
    expect(referenceProblem(workbook, at(`=LEN("'候補者'!B2")`))).toBe('personal_formula_reference');
    expect(referenceProblem(workbook, at('=LEN("候補者")'))).toBeNull();
  });
});

describe('renderTemplate', () => {
  const workbook = readWorkbook(
    rawWorkbook({
      設定: [
        ['項目', '値'],
        ['団体名', 'テスト'],
        ['対象年度', 2022],
      ],
      候補者: [
        ['候補者ID', '属性', '就職日'],
        ['C1', '難民認定', '2022/5/1'],
        ['C2', '難民認定', '2022/5/1'],
        ['C3', '人道配慮', '2022/5/1'],
      ],
      本文: [
        ['見出し', '本文', '本文(英語)'],
        ['a', '{{=集計!A1}}と{{=集計!A2}}', 'In English {{=集計!A3}}'],
      ],
    }),
  ).workbook;
  const references = new Map<string, ResolvedReference>([
    [referenceKey('集計!A1'), { text: ' 1,234 ', sheet: '集計', column: 0 }],
  ]);
  const context = (suppressed: ReadonlySet<string> = new Set(), language: 'ja' | 'en' = 'ja') => ({
    workbook,
    period: fiscalPeriod(2022),
    references,
    suppressed,
    language,
  });
  const placements = findMetric('就職者数');

  it('inserts a figure with thousands separators and a reference trimmed', () => {
    const parts = parseTemplate('就職{{就職者数}}名、寄付{{=集計!A1}}円').parts;
    expect(renderTemplate(parts, context())).toBe('就職3名、寄付1,234円');
  });

  it('prints a hidden figure as the label and drops only the unit right after it', () => {
    if (!placements) throw new Error('no 就職者数');
    const hidden = new Set([figureKey(placements, { 属性: ['人道配慮'] })]);
    const parts = parseTemplate(
      '人道配慮{{就職者数|属性=人道配慮}}名、名古屋。難民認定{{就職者数|属性=難民認定}}名',
    ).parts;
    expect(renderTemplate(parts, context(hidden))).toBe('人道配慮（秘匿）、名古屋。難民認定2名');
    expect(renderTemplate(parseTemplate('{{就職者数|属性=人道配慮}} people').parts, context(hidden, 'en'))).toBe(
      `${SUPPRESSED_LABEL.en}`,
    );
  });

  it('refuses a reference that resolved to nothing, without a value to quote', () => {
    expect(() => renderTemplate(parseTemplate('{{=集計!Z9}}').parts, context())).toThrow(
      /^\{\{=集計!Z9\}\} is not a number$/,
    );
  });

  it('collects every reference target once, from 本文, 本文(英語) and 受益対象者の人数', () => {
    expect(collectReferenceTargets(workbook)).toEqual(['集計!A1', '集計!A2', '集計!A3']);
    expect(templateTexts(workbook).map((t) => [t.tab, t.key, t.row])).toEqual([
      ['narrative', 'body', 2],
      ['narrative', 'bodyEn', 2],
    ]);
  });
});

describe('parseTemplate: names, years and template cells as typed', () => {
  it('quotes an unknown metric by its name without the spaces before the |', () => {
    expect(parseTemplate('{{不明な指標 |属性=難民認定}}').problems).toEqual([
      { severity: 'error', code: 'unknown_metric', value: '不明な指標', params: { expected: ALL_METRICS } },
    ]);
  });

  it('reads 年度 only from a condition with = after the word 年度, and keeps the year trimmed', () => {
    expect(yearCondition('年度=前年度')).toBe('前年度');
    expect(yearCondition('年度＝ 2021 ')).toBe('2021');
    // No =: not a year condition, even though all but its last character is 年度.
    expect(yearCondition('年度x')).toBeUndefined();
    expect(yearCondition('=2021')).toBeUndefined();
    expect(parseTemplate('{{就職者数|年度 = 2021}}', { years: true }).parts).toEqual([
      { kind: 'metric', metric: findMetric('就職者数'), filters: {}, source: '{{就職者数|年度 = 2021}}', year: '2021' },
    ]);
    expect(parseTemplate('{{就職者数|年度x}}', { years: true })).toEqual({
      parts: [],
      problems: [{ severity: 'error', code: 'malformed_template', value: '{{就職者数|年度x}}' }],
    });
  });

  it('lists a 本文 row with only 本文(英語) once, by its English text', () => {
    const englishOnly = readWorkbook(
      rawWorkbook({
        設定: [
          ['項目', '値'],
          ['団体名', 'テスト'],
          ['対象年度', 2022],
        ],
        本文: [
          ['見出し', '本文', '本文(英語)'],
          ['a', '', 'Only {{=集計!A1}}'],
        ],
      }),
    ).workbook;
    expect(templateTexts(englishOnly)).toEqual([
      { tab: 'narrative', key: 'bodyEn', row: 2, text: 'Only {{=集計!A1}}' },
    ]);
    expect(collectReferenceTargets(englishOnly)).toEqual(['集計!A1']);
  });
});
