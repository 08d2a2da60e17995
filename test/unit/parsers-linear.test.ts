// This file tests that every reader of user text in the core runs in linear time, on random and adversarial strings up to 10,000 characters.
import fc from 'fast-check';
import {
  cellToText,
  foldWidth,
  isBlank,
  isErrorValue,
  normalizeText,
  parseBoolean,
  parseDate,
  parseInteger,
  parseText,
  parseYen,
} from '../../src/core/cells';
import { findFilterKey, parseCondition, splitConditionValues } from '../../src/core/conditions';
import { evaluateFormulaOnRange, type FormulaRequest } from '../../src/core/formulas';
import { findMetric } from '../../src/core/metrics';
import { matchKey, readWorkbook } from '../../src/core/read-workbook';
import { isNumberDisplay, parseTemplate } from '../../src/core/templates';

// A linear parser reads 10,000 characters in well under a millisecond; an exponential one takes seconds on 60
// and a quadratic one over 100 ms on 10,000. The bound leaves room for a loaded two-core machine, and a call over
// it is tried twice more: a GC pause or a busy neighbour is slow once, a blowup every time.
const BASE_MS = 10;
const MS_PER_KB = 5;
const MAX_LENGTH = 10_000;

function budgetMs(length: number): number {
  return BASE_MS + (MS_PER_KB * length) / 1024;
}

/** The fastest of up to three calls, stopping at the first within budget. */
function fastestMs(parse: (text: string) => unknown, text: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && best > budgetMs(text.length); attempt++) {
    const start = performance.now();
    parse(text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** A formula's error is its answer here: only the time it takes matters. */
function formula(request: FormulaRequest): unknown {
  const range = [
    ['日付', '事業内容', '費目', '金額'],
    ['2022/4/1', '育成事業', '人件費', 1000],
  ];
  try {
    return evaluateFormulaOnRange(range, request);
  } catch (error) {
    return (error as Error).message;
  }
}

/** The 設定 tab with one 項目/値 row: every setting reader (year, month, date, count, choice, text). */
function settingsRow(item: string, value: string): unknown {
  return readWorkbook({
    tabs: [
      {
        name: '設定',
        values: [
          ['項目', '値'],
          [item, value],
        ],
      },
    ],
  }).issues;
}

const PARSERS: ReadonlyArray<readonly [string, (text: string) => unknown]> = [
  ['parseDate', parseDate],
  ['parseYen', parseYen],
  ['parseInteger', parseInteger],
  ['parseBoolean', parseBoolean],
  ['parseText', parseText],
  ['foldWidth', foldWidth],
  ['normalizeText', normalizeText],
  ['isBlank', isBlank],
  ['isErrorValue', isErrorValue],
  ['cellToText', cellToText],
  ['matchKey', matchKey],
  ['parseCondition', parseCondition],
  ['splitConditionValues', splitConditionValues],
  ['findFilterKey', findFilterKey],
  ['findMetric', findMetric],
  ['parseTemplate', parseTemplate],
  ['isNumberDisplay', isNumberDisplay],
  ['formula metric', (text) => formula({ metric: text })],
  ['formula 年度', (text) => formula({ metric: '事業費', year: text })],
  ['formula filter value', (text) => formula({ metric: '事業費', filters: { 事業内容: text } })],
  ['formula filter name', (text) => formula({ metric: '事業費', filters: { [text]: '育成事業' } })],
  ['設定 項目', (text) => settingsRow(text, 'x')],
  ['設定 対象年度', (text) => settingsRow('対象年度', text)],
  ['設定 年度開始月', (text) => settingsRow('年度開始月', text)],
  ['設定 初年度開始日', (text) => settingsRow('初年度開始日', text)],
  ['設定 秘匿しきい値', (text) => settingsRow('秘匿しきい値', text)],
  ['設定 端数処理', (text) => settingsRow('端数処理', text)],
  ['設定 報告書言語', (text) => settingsRow('報告書言語', text)],
  ['設定 団体名', (text) => settingsRow('団体名', text)],
  ['tab name', (text) => readWorkbook({ tabs: [{ name: text, values: [['項目', '値']] }] }).issues],
];

/** Each parser that is over budget on `text`: `name (length chars): ms`. */
function slowParsers(text: string): string[] {
  const slow: string[] = [];
  for (const [name, parse] of PARSERS) {
    const ms = fastestMs(parse, text);
    if (ms > budgetMs(text.length))
      slow.push(`${name} (${text.length} chars, ${JSON.stringify(text.slice(0, 40))}…): ${ms.toFixed(0)} ms`);
  }
  return slow;
}

// What the old regular expressions choked on, and what a parser splits on.
const PIECES = [
  '2022',
  '/',
  '-',
  '.',
  '年',
  '月',
  '日',
  '日  ',
  '(',
  ')',
  '（',
  '）',
  '・',
  '曜',
  '金',
  'Fri',
  ' ',
  '  ',
  '\u3000',
  '\t',
  '\n',
  '1',
  '0',
  '12',
  '１２',
  ',',
  '，',
  ',000',
  '000',
  '.5',
  '▲',
  '△',
  '-',
  'ー',
  '¥',
  '円',
  '千',
  '万',
  '人',
  '令和',
  'R',
  '元',
  'T',
  ':',
  ':00',
  '午後',
  '時',
  '分',
  'PM',
  '+09:00',
  'Z',
  '{{',
  '}}',
  '{',
  '}',
  '|',
  '=',
  '＝',
  '、',
  '事業内容',
  '#',
  '#N/A',
  '\ufe0f',
  'x',
];

const randomText = fc.oneof(
  fc
    .array(fc.constantFrom(...PIECES), { maxLength: 4000, size: 'max' })
    .map((pieces) => pieces.join('').slice(0, MAX_LENGTH)),
  fc.string({ unit: 'binary', maxLength: MAX_LENGTH, size: 'max' }).map((text) => text.slice(0, MAX_LENGTH)),
);

// A prefix that gets a parser going, one unit repeated up to 10,000 characters, and an ending that fails late.
const adversarialText = fc
  .record({
    prefix: fc.constantFrom(
      '',
      '2022/4/1(',
      '2022/4/1 10:00',
      '2022年4月1日 午後',
      '令和4年4月1日(',
      'R4.4.1 ',
      '2022',
      '1',
      '1,000',
      '¥',
      '▲',
      '(',
      '{{',
      '{{事業費|',
      '事業内容=',
      '#',
    ),
    unit: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join('')),
    length: fc.integer({ min: 1, max: MAX_LENGTH }),
    suffix: fc.constantFrom('', 'x', ')', '}}', '人', '円', '日', ':00', '=', '|', '\n'),
  })
  .map(({ prefix, unit, length, suffix }) => {
    const body = unit.repeat(Math.ceil(length / unit.length));
    return (prefix + body).slice(0, MAX_LENGTH - suffix.length) + suffix;
  });

/** The cell of issue 10: `2022/4/1(` + `日  ` × n + `x`. */
const evilDate = (repeats: number): string => `2022/4/1(${'日  '.repeat(repeats)}x`;

describe('every parser of user text runs in linear time', () => {
  beforeAll(() => {
    // Compile each parser before timing it.
    for (const [, parse] of PARSERS)
      for (const text of ['2022/4/1(金) 10:00', '{{事業費|事業内容=a}}', '']) parse(text);
  });

  it.each([
    [14, 52],
    [16, 58],
    [18, 64],
    [3330, 10_000],
  ])(
    'the date cell of issue 10 with %i repeats (%i characters) is invalid_date, at once, in every parser',
    (repeats, length) => {
      const text = evilDate(repeats);
      expect(text).toHaveLength(length);
      expect(parseDate(text)).toEqual({ ok: false, problem: 'invalid_date' });
      expect(slowParsers(text)).toEqual([]);
    },
  );

  it('random strings up to 10,000 characters', () => {
    fc.assert(
      fc.property(randomText, (text) => {
        expect(slowParsers(text)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('one unit repeated up to 10,000 characters after a prefix that gets a parser going', () => {
    fc.assert(
      fc.property(adversarialText, (text) => {
        expect(slowParsers(text)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it.each([
    ['spaces before a unit', `1${' '.repeat(9_998)}人`],
    ['spaces after a time', `2022/4/1 10:00${' '.repeat(9_985)}x`],
    ['spaces in a weekday', `2022/4/1(日${' '.repeat(9_989)}x`],
    ['open parentheses', `2022/4/1${'('.repeat(9_992)}`],
    ['weekdays without a closing parenthesis', `2022/4/1${'(日・'.repeat(3_330)}x`],
    ['thousands groups', `1${',000'.repeat(2_499)}x`],
    ['digits', `${'1'.repeat(9_999)}x`],
    ['a long fraction', `1.${'0'.repeat(9_997)}x`],
    ['万 and digits', `5万${'3'.repeat(9_997)}x`],
    ['unclosed placeholders', '{{'.repeat(5_000)],
    ['placeholders without a close', `{{${'a|'.repeat(4_999)}`],
    ['conditions', `{{事業費|${'事業内容=a,'.repeat(1_300)}}}`],
    ['equals signs', '='.repeat(10_000)],
    ['whitespace runs', ' \u3000\t'.repeat(3_333)],
    ['dashes before digits', 'ー1'.repeat(5_000)],
  ])('%s (%#)', (_label, text) => {
    expect(text.length).toBeLessThanOrEqual(MAX_LENGTH);
    expect(text.length).toBeGreaterThan(9_000);
    expect(slowParsers(text)).toEqual([]);
  });

  describe('the check can fail', () => {
    // The regular expressions cells.ts used before: one exponential, one quadratic.
    const OLD_WEEKDAY =
      /\(\s*(?:(?:[日月火水木金土祝休]|曜日?)(?:\s*[・,]?\s*(?:[日月火水木金土祝休]|曜日?))*|(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?)\s*\)/i;
    const OLD_COUNT_SUFFIX = /\s*(?:人|名|件|回|社|組|個)$/;

    it('finds the exponential weekday expression over budget on the 52 characters of issue 10', () => {
      const text = evilDate(14);
      const start = performance.now();
      expect(OLD_WEEKDAY.test(text)).toBe(false);
      expect(performance.now() - start).toBeGreaterThan(budgetMs(text.length));
    });

    it('finds the quadratic count-unit expression over budget on 10,000 characters', () => {
      const text = `1${' '.repeat(9_998)}人x`;
      expect(fastestMs((t) => t.replace(OLD_COUNT_SUFFIX, ''), text)).toBeGreaterThan(budgetMs(text.length));
    });
  });
});
