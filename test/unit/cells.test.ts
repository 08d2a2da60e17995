// This file tests how hand-typed cell values are read (src/core/cells.ts), one table per parser.
import fc from 'fast-check';
import {
  type CellResult,
  type CellValue,
  cellToText,
  dayNumberFromYmd,
  foldWidth,
  formatDayNumber,
  isBlank,
  isErrorValue,
  isValidYmd,
  normalizeText,
  parseBoolean,
  parseDate,
  parseInteger,
  parseText,
  parseYen,
  quickDay,
  quickInteger,
  quickText,
  ymdFromDayNumber,
} from '../../src/core/cells';

/** A parseDate result with the DayNumber shown as YYYY-MM-DD, so the tables read as calendar days. */
function dateAsText(value: CellValue): string | null | { problem: string } {
  const result = parseDate(value);
  if (!result.ok) return { problem: result.problem };
  return result.value === null ? null : formatDayNumber(result.value);
}

function resultValue<T>(result: CellResult<T>): T | null | { problem: string } {
  return result.ok ? result.value : { problem: result.problem };
}

const FULL_WIDTH_SPACE = '\u3000';

describe('cells', () => {
  describe('foldWidth', () => {
    it.each([
      ['１２３', '123'],
      ['ＡＢＣａｂｃ', 'ABCabc'],
      ['１，２３４．５', '1,234.5'],
      ['－３，０００', '-3,000'],
      ['ー3,000', '-3,000'],
      ['−3000', '-3000'],
      ['—5', '-5'],
      ['2022ー04ー01', '2022-04-01'],
      ['２０２２／４／１（金）', '2022/4/1(金)'],
      ['￥５０，０００', '¥50,000'],
      ['ｶﾀｶﾅ', 'カタカナ'],
      ['コピー1部', 'コピー1部'], // the long vowel of a word is not a minus
      ['データー', 'データー'],
      ['㍻31年', '平成31年'],
      ['㋿4年', '令和4年'],
      [`${FULL_WIDTH_SPACE}a${FULL_WIDTH_SPACE}`, ' a '], // folds but does not trim
      ['plain ascii  ', 'plain ascii  '],
      ['育成事業', '育成事業'],
      ['ﬁ', 'fi'],
      ['ー', 'ー'], // a lone dash, no digit after it
      ['aー1', 'aー1'], // after a letter: a long vowel
      ['(ー1)', '(-1)'],
    ])('%j → %j', (input, expected) => {
      expect(foldWidth(input)).toBe(expected);
    });
  });

  it('foldWidth is NFKC on every CJK and full-width character, except dashes before a digit', () => {
    const dashes = new Set(['ー', 'ｰ', '—', '–', '―', '‐', '−']);
    const disagreements: string[] = [];
    for (const [first, last] of [
      [0x3000, 0x30ff],
      [0x4e00, 0x9fff],
      [0xff00, 0xffef],
    ]) {
      for (let code = first; code <= last; code++) {
        const char = String.fromCharCode(code);
        for (const text of [char, `${char}あ`, `漢${char}`]) {
          if (foldWidth(text) !== text.normalize('NFKC')) disagreements.push(text);
        }
        const beforeDigit = `${char}1`;
        const expected = dashes.has(char) ? '-1' : beforeDigit.normalize('NFKC');
        if (foldWidth(beforeDigit) !== expected) disagreements.push(beforeDigit);
      }
    }
    expect(disagreements).toEqual([]);
  });

  describe('normalizeText', () => {
    it.each([
      ['  事業内容 ', '事業内容'],
      [`${FULL_WIDTH_SPACE}事業${FULL_WIDTH_SPACE}${FULL_WIDTH_SPACE}内容${FULL_WIDTH_SPACE}`, '事業 内容'],
      ['ＩＤ', 'ID'],
      ['候補者 \t\n ID', '候補者 ID'],
      ['a\tb', 'a b'],
      ['a  b', 'a b'],
      ['a b', 'a b'],
      ['a\u3000b', 'a b'],
      ['', ''],
    ])('%j → %j', (input, expected) => {
      expect(normalizeText(input)).toBe(expected);
    });
  });

  describe('isBlank', () => {
    it.each<[CellValue, boolean]>([
      [null, true],
      [undefined, true],
      ['', true],
      ['   ', true],
      [FULL_WIDTH_SPACE, true],
      [`${FULL_WIDTH_SPACE} \t${FULL_WIDTH_SPACE}`, true],
      ['\u00a0', true],
      [0, false],
      [false, false],
      ['a', false],
      ['-', false],
      [new Date(2022, 3, 1), false],
    ])('%j → %j', (input, expected) => {
      expect(isBlank(input)).toBe(expected);
    });
  });

  describe('isErrorValue', () => {
    it.each([
      '#N/A',
      '#REF!',
      '#VALUE!',
      '#DIV/0!',
      '#NAME?',
      '#NUM!',
      '#NULL!',
      '#ERROR!',
      '#SPILL!',
      '#CALC!',
      '#BLOCKED!',
      '#BUSY!',
      '#CONNECT!',
      '#FIELD!',
      '#UNKNOWN!',
      '#GETTING_DATA',
      ' #N/A ',
      '#n/a',
    ])('%j is an error value', (input) => {
      expect(isErrorValue(input)).toBe(true);
    });

    it.each<CellValue>(['#1', '#', 'N/A', '#N/A 注', '', null, 0, true])('%j is not', (input) => {
      expect(isErrorValue(input)).toBe(false);
    });
  });

  describe('cellToText', () => {
    it.each<[CellValue, string]>([
      ['  育成事業 ', '育成事業'],
      [12, '12'],
      [1234.5, '1234.5'],
      [true, 'TRUE'],
      [false, 'FALSE'],
      [new Date(2022, 3, 1), '2022-04-01'],
      [new Date(2022, 3, 1, 23, 59), '2022-04-01'],
      [new Date(Number.NaN), ''],
      [null, ''],
      [undefined, ''],
      [FULL_WIDTH_SPACE, ''],
    ])('%j → %j', (input, expected) => {
      expect(cellToText(input)).toBe(expected);
    });
  });

  describe('parseText', () => {
    it.each<[CellValue, unknown]>([
      ['  ベトナム ', 'ベトナム'],
      ['ＡＢＣ', 'ＡＢＣ'], // width is kept as typed
      [42, '42'],
      [true, 'TRUE'],
      [new Date(2023, 2, 31), '2023-03-31'],
      ['', null],
      [FULL_WIDTH_SPACE, null],
      [null, null],
      [undefined, null],
      ['#REF!', { problem: 'error_value' }],
      [new Date(Number.NaN), { problem: 'invalid_date' }],
    ])('%j → %j', (input, expected) => {
      expect(resultValue(parseText(input))).toEqual(expected);
    });
  });

  describe('parseInteger', () => {
    it.each<[CellValue, unknown]>([
      [12, 12],
      [0, 0],
      [-0, 0],
      [12.0, 12],
      ['12', 12],
      ['１２', 12],
      [' 12 ', 12],
      ['1,234', 1234],
      ['１，２３４', 1234],
      ['12人', 12],
      ['12 人', 12],
      ['１２名', 12],
      ['12件', 12],
      ['12回', 12],
      ['3社', 3],
      ['3組', 3],
      ['3個', 3],
      ['3 名', 3],
      ['3\t件', 3],
      ['1,000,000', 1000000],
      ['9,007,199,254,740,991', 9007199254740991],
      ['9007199254740992', { problem: 'invalid_number' }],
      ['人', { problem: 'invalid_number' }],
      ['12人人', { problem: 'invalid_number' }],
      ['人12', { problem: 'invalid_number' }],
      ['1000,000', { problem: 'invalid_number' }],
      ['1,000,00', { problem: 'invalid_number' }],
      [',000', { problem: 'invalid_number' }],
      ['12.', { problem: 'invalid_number' }],
      ['.5', { problem: 'invalid_number' }],
      ['- 5', -5],
      ['+ 5', 5],
      [3.0000000005, 3],
      [3.000000002, { problem: 'not_integer' }],
      [2 ** 53 - 1, 9007199254740991],
      [2 ** 53, { problem: 'invalid_number' }],
      [-12, -12],
      ['12.0', 12],
      ['+5', 5],
      ['-5', -5], // negative counts are read; the validator rejects them
      [0.1 * 3 * 10, 3], // formula float noise (3.0000000000000004)
      [12.5, { problem: 'not_integer' }],
      ['12.5', { problem: 'not_integer' }],
      ['12.5人', { problem: 'not_integer' }],
      ['', null],
      ['  ', null],
      [FULL_WIDTH_SPACE, null],
      [null, null],
      [undefined, null],
      ['#N/A', { problem: 'error_value' }],
      ['#DIV/0!', { problem: 'error_value' }],
      ['十二', { problem: 'invalid_number' }],
      ['約12人', { problem: 'invalid_number' }],
      ['12人くらい', { problem: 'invalid_number' }],
      ['1,2345', { problem: 'invalid_number' }],
      ['12,34', { problem: 'invalid_number' }],
      ['1e3', { problem: 'invalid_number' }],
      ['12 3', { problem: 'invalid_number' }],
      ['--5', { problem: 'invalid_number' }],
      [Number.NaN, { problem: 'invalid_number' }],
      [Number.POSITIVE_INFINITY, { problem: 'invalid_number' }],
      [1e20, { problem: 'invalid_number' }],
      ['99999999999999999999', { problem: 'invalid_number' }],
      [true, { problem: 'invalid_number' }],
      [new Date(2022, 3, 1), { problem: 'invalid_number' }],
    ])('%j → %j', (input, expected) => {
      expect(resultValue(parseInteger(input))).toEqual(expected);
    });
  });

  describe('parseYen', () => {
    it.each<[CellValue, unknown]>([
      [50000, 50000],
      [-3000, -3000],
      [1000 * 1.1, 1100], // 1100.0000000000002 from a formula is 1,100 on screen
      ['50000', 50000],
      ['50,000', 50000],
      ['５０，０００', 50000],
      ['５０，０００円', 50000],
      ['50,000 円', 50000],
      ['50千円', 50000],
      ['５０千円', 50000],
      ['1.5千円', 1500],
      ['1.005千円', 1005], // exact decimal shift, not 1004.9999999999999
      ['6,408千円', 6408000],
      ['50千', 50000],
      ['5万円', 50000],
      ['5万', 50000],
      ['1.5万円', 15000],
      ['5万3,000円', 53000],
      ['5万3000', 53000],
      ['1百万円', 1000000],
      ['¥50,000', 50000],
      ['￥50,000', 50000],
      ['￥５０，０００', 50000],
      ['¥ 50,000', 50000],
      ['\\50,000', 50000], // Shift_JIS yen sign read as a backslash
      ['-3,000', -3000],
      ['－3,000', -3000],
      ['－３，０００', -3000],
      ['ー3,000', -3000],
      ['−3,000', -3000],
      ['▲3,000', -3000],
      ['▲ 3,000', -3000],
      ['△3,000', -3000],
      ['△3,000円', -3000],
      ['▲3千円', -3000],
      ['(3,000)', -3000],
      ['（３，０００）', -3000],
      ['(¥3,000)', -3000],
      ['-¥3,000', -3000],
      ['¥-3,000', -3000],
      ['+3,000', 3000],
      ['0円', 0],
      ['▲0', 0],
      ['-0', 0],
      ['(0)', 0],
      ['▼3,000', -3000],
      ['▲ ¥ 3,000', -3000],
      ['¥▲3,000', -3000],
      ['¥ ▲ 3,000 円', -3000],
      ['12,345,678円', 12345678],
      ['1.5百万円', 1500000],
      ['3百万', 3000000],
      ['0.5千円', 500],
      ['1.0000千円', 1000],
      ['1.2万', 12000],
      ['5万10円', 50010],
      ['5万1,000', 51000],
      ['5万9999', 59999],
      ['-5万3,000', -53000],
      ['▲5万3,000円', -53000],
      ['0万0', 0],
      ['9,007,199,254,740,991円', 9007199254740991],
      ['9007199254740992円', { problem: 'invalid_number' }],
      ['900719925475万1', { problem: 'invalid_number' }],
      ['900719925474万1', 9007199254740001],
      ['1.0005千円', { problem: 'not_integer' }],
      ['1.00001万円', { problem: 'not_integer' }],
      ['5万12345', { problem: 'invalid_number' }],
      ['5万10,000', { problem: 'invalid_number' }],
      ['5万1,00', { problem: 'invalid_number' }],
      ['5万', 50000],
      ['万3000', { problem: 'invalid_number' }],
      ['5千3,000', { problem: 'invalid_number' }],
      ['(-3,000)', { problem: 'invalid_number' }],
      ['▲▲3,000', { problem: 'invalid_number' }],
      ['¥¥3,000', { problem: 'invalid_number' }],
      ['3,000-', { problem: 'invalid_number' }],
      ['(3,000', { problem: 'invalid_number' }],
      ['(3000', { problem: 'invalid_number' }], // not (300): only a closing ')' makes the parentheses a minus
      ['( 3,000 )', -3000], // spaces inside the parentheses
      ['5万3千', { problem: 'invalid_number' }], // 万 plus a remainder is read only without a unit after it (not 50,003)
      ['▲0万0', 0], // +0, not -0 (toEqual tells them apart)
      ['3,000)', { problem: 'invalid_number' }],
      ['1000,000円', { problem: 'invalid_number' }],
      ['円3,000', { problem: 'invalid_number' }],
      [3.0000000005, 3],
      [2 ** 53, { problem: 'invalid_number' }],
      ['', null],
      [FULL_WIDTH_SPACE, null],
      [null, null],
      [undefined, null],
      ['#VALUE!', { problem: 'error_value' }],
      ['#REF!', { problem: 'error_value' }],
      [1500.5, { problem: 'not_integer' }],
      ['1500.5', { problem: 'not_integer' }],
      ['0.5円', { problem: 'not_integer' }],
      ['1.2345千円', { problem: 'not_integer' }],
      ['約5万', { problem: 'invalid_number' }],
      ['5万円くらい', { problem: 'invalid_number' }],
      ['50,000円(税込)', { problem: 'invalid_number' }],
      ['(▲3,000)', { problem: 'invalid_number' }],
      ['--3,000', { problem: 'invalid_number' }],
      ['5,00', { problem: 'invalid_number' }],
      ['円', { problem: 'invalid_number' }],
      ['¥', { problem: 'invalid_number' }],
      ['-', { problem: 'invalid_number' }],
      ['▲', { problem: 'invalid_number' }],
      ['()', { problem: 'invalid_number' }],
      ['¥-', { problem: 'invalid_number' }],
      ['五万円', { problem: 'invalid_number' }],
      [true, { problem: 'invalid_number' }],
      [new Date(2022, 3, 1), { problem: 'invalid_number' }],
      [Number.NaN, { problem: 'invalid_number' }],
    ])('%j → %j', (input, expected) => {
      expect(resultValue(parseYen(input))).toEqual(expected);
    });
  });

  describe('parseDate', () => {
    describe('Date objects (local calendar day)', () => {
      it.each<[Date, unknown]>([
        [new Date(2022, 3, 1), '2022-04-01'],
        [new Date(2022, 2, 31), '2022-03-31'],
        [new Date(2022, 3, 1, 23, 59, 59), '2022-04-01'],
        [new Date(2024, 1, 29), '2024-02-29'],
        [new Date(2019, 4, 1, 0, 0, 0, 1), '2019-05-01'],
        [new Date(Number.NaN), { problem: 'invalid_date' }],
      ])('%s → %j', (input, expected) => {
        expect(dateAsText(input)).toEqual(expected);
      });
    });

    describe('serial numbers (day 0 = 1899-12-30)', () => {
      it.each<[number, unknown]>([
        [44652, '2022-04-01'],
        [44652.75, '2022-04-01'],
        [44651, '2022-03-31'],
        [45351, '2024-02-29'],
        [25569, '1970-01-01'],
        [61, '1900-03-01'],
        [1, '1899-12-31'],
        [2958465, '9999-12-31'],
        [2958465.5, '9999-12-31'],
        [2958465.999, '9999-12-31'],
        [1.5, '1899-12-31'],
        [0.9999, { problem: 'invalid_date' }],
        [-44652, { problem: 'invalid_date' }],
        [0, { problem: 'invalid_date' }],
        [0.5, { problem: 'invalid_date' }],
        [-1, { problem: 'invalid_date' }],
        [2958466, { problem: 'invalid_date' }],
        [20220401, { problem: 'invalid_date' }],
        [Number.NaN, { problem: 'invalid_date' }],
        [Number.POSITIVE_INFINITY, { problem: 'invalid_date' }],
      ])('%j → %j', (input, expected) => {
        expect(dateAsText(input)).toEqual(expected);
      });
    });

    describe('western text', () => {
      it.each<[string, unknown]>([
        ['2022/4/1', '2022-04-01'],
        ['2022/04/01', '2022-04-01'],
        ['2022-04-01', '2022-04-01'],
        ['2022-4-1', '2022-04-01'],
        ['2022.4.1', '2022-04-01'],
        ['2022年4月1日', '2022-04-01'],
        ['2022年04月01日', '2022-04-01'],
        ['2022 年 4 月 1 日', '2022-04-01'],
        ['2022年4月1', '2022-04-01'],
        ['  2022/4/1  ', '2022-04-01'],
        ['２０２２／４／１', '2022-04-01'],
        ['２０２２年４月１日', '2022-04-01'],
        ['２０２２－０４－０１', '2022-04-01'],
        ['2022ー04ー01', '2022-04-01'],
        ['2022/4/1 10:00', '2022-04-01'],
        ['2022/4/1 0:00:00', '2022-04-01'],
        ['2022/04/01 23:59:59', '2022-04-01'],
        ['2022-04-01T10:00:00', '2022-04-01'],
        ['2022-04-01T10:00:00.000Z', '2022-04-01'],
        ['2022-04-01T10:00:00+09:00', '2022-04-01'],
        ['2022/4/1 2:30 PM', '2022-04-01'],
        ['2022年4月1日 10時30分', '2022-04-01'],
        ['2022年4月1日午後2時', '2022-04-01'],
        ['2022年4月1日(金)', '2022-04-01'],
        ['2022年4月1日（金）', '2022-04-01'],
        ['2022/4/1（金）', '2022-04-01'],
        ['2022/4/1 (金曜日)', '2022-04-01'],
        ['2022/4/1(Fri)', '2022-04-01'],
        ['2022/4/1(金) 10:00', '2022-04-01'],
        ['2022/4/29(金・祝)', '2022-04-29'],
        ['2022 / 4 / 1', '2022-04-01'],
        ['2022/ 4 /1 10:00', '2022-04-01'],
        ['2022年4月1 日', '2022-04-01'],
        ['2022年4月1\n日', '2022-04-01'],
        ['2022年4月1日10:00', '2022-04-01'],
        ['2022/4/1\t10:00', '2022-04-01'],
        ['2022.4.1 10:00', '2022-04-01'],
        ['2022-4-1 10:00', '2022-04-01'],
        ['1999/12/31 23:59', '1999-12-31'],
        ['2022/4/1 日', { problem: 'invalid_date' }],
        ['2022年4月1日日', { problem: 'invalid_date' }],
        ['2022年4年1日', { problem: 'invalid_date' }],
        ['2022年4月', { problem: 'invalid_date' }],
        ['2022年4月日', { problem: 'invalid_date' }],
        ['2022/4.1', { problem: 'invalid_date' }],
        ['2022.4/1', { problem: 'invalid_date' }],
        ['2022//1', { problem: 'invalid_date' }],
        ['2022/4/', { problem: 'invalid_date' }],
        ['2022/4/ 10:00', { problem: 'invalid_date' }],
        ['2022/123/1', { problem: 'invalid_date' }],
        ['2022/4/123', { problem: 'invalid_date' }],
        ['202/4/1 10:00', { problem: 'invalid_date' }],
        ['20222/4/1', { problem: 'invalid_date' }],
        ['2022 4/1', { problem: 'invalid_date' }],
        ['2022 4 1', { problem: 'invalid_date' }], // a space is no separator between the year, month and day
        ['2022x4x1', { problem: 'invalid_date' }],
        // 月 after the year is no year mark, whether or not a 日 or a time follows (the fast reader took it once).
        ['2022月4月1', { problem: 'invalid_date' }],
        ['２０２２月４月１', { problem: 'invalid_date' }],
        ['2022月4月1日', { problem: 'invalid_date' }],
        ['2022月4月1 10:00', { problem: 'invalid_date' }],
        // Year 0000 reads the same whether the date stands alone or has a time after it.
        ['0000/4/1', '0000-04-01'],
        ['0000/4/1 10:00', '0000-04-01'],
        ['2022/4/1x', { problem: 'invalid_date' }],
        ['2022/04/011', { problem: 'invalid_date' }], // not the 11th: a third digit is not read
        ['2022/004/1', { problem: 'invalid_date' }],
        ['02022/4/1', { problem: 'invalid_date' }],
        ['2022/4/1 x', { problem: 'invalid_date' }],
        ['2024/2/29', '2024-02-29'],
        ['2000/2/29', '2000-02-29'],
        ['2023/2/29', { problem: 'invalid_date' }],
        ['2100/2/29', { problem: 'invalid_date' }],
        ['2022/4/31', { problem: 'invalid_date' }],
        ['2022/13/1', { problem: 'invalid_date' }],
        ['2022/0/1', { problem: 'invalid_date' }],
        ['2022/4/0', { problem: 'invalid_date' }],
        ['2022/4-1', { problem: 'invalid_date' }],
        ['2022年4/1', { problem: 'invalid_date' }],
        ['2022/4/1日', { problem: 'invalid_date' }],
        ['2022/4/110:00', { problem: 'invalid_date' }],
        ['2022/4/1 頃', { problem: 'invalid_date' }],
        ['2022/4', { problem: 'invalid_date' }],
        ['4/1', { problem: 'invalid_date' }],
        ['4/1/2022', { problem: 'invalid_date' }],
        ['22/4/1', { problem: 'invalid_date' }],
        ['2022年度', { problem: 'invalid_date' }],
        ['未定', { problem: 'invalid_date' }],
      ])('%j → %j', (input, expected) => {
        expect(dateAsText(input)).toEqual(expected);
      });

      it('reads year 0000 as a day number too: 0000-03-01 is day -719468, and April 1 is 31 days later', () => {
        expect(parseDate('0000/4/1 10:00')).toEqual({ ok: true, value: -719437 });
        expect(parseDate('0000/4/1')).toEqual({ ok: true, value: -719437 });
      });
    });

    describe('和暦', () => {
      it.each<[string, unknown]>([
        ['令和4年4月1日', '2022-04-01'],
        ['令和4年4月1日(金)', '2022-04-01'],
        ['令和４年４月１日', '2022-04-01'],
        ['令和 4 年 4 月 1 日', '2022-04-01'],
        ['令和元年5月1日', '2019-05-01'],
        ['令和1年5月1日', '2019-05-01'],
        ['R4.4.1', '2022-04-01'],
        ['R4/4/1', '2022-04-01'],
        ['R4-4-1', '2022-04-01'],
        ['r4.4.1', '2022-04-01'],
        ['R04.04.01', '2022-04-01'],
        ['Ｒ４．４．１', '2022-04-01'],
        ['R元.5.1', '2019-05-01'],
        ['R5.3.31', '2023-03-31'],
        ['R6.2.29', '2024-02-29'],
        ['H31.4.30', '2019-04-30'],
        ['h31.4.30', '2019-04-30'],
        ['平成31年4月30日', '2019-04-30'],
        ['㍻31年4月30日', '2019-04-30'],
        ['平成元年1月8日', '1989-01-08'],
        ['H1.1.8', '1989-01-08'],
        ['昭和64年1月7日', '1989-01-07'],
        ['S64.1.7', '1989-01-07'],
        ['昭和元年12月25日', '1926-12-25'],
        ['㋿4年4月1日', '2022-04-01'],
        ['令和4年4月1日 10:00', '2022-04-01'],
        ['R 4.4.1', '2022-04-01'],
        ['令和 元 年 5 月 1 日', '2019-05-01'],
        ['Ｒ元.5.1', '2019-05-01'],
        ['s64.1.7', '1989-01-07'],
        ['H1.1.8 10:00', '1989-01-08'],
        ['R4.4.1(金) 10:00', '2022-04-01'],
        ['令和4年4月1日午後2時', '2022-04-01'],
        ['令和99年12月31日', '2117-12-31'],
        ['平成30年12月31日', '2018-12-31'],
        ['昭和63年12月31日', '1988-12-31'],
        ['令和4年4月1日 25:00', { problem: 'invalid_date' }],
        ['R4.4.1 24:00', { problem: 'invalid_date' }],
        ['R00.5.1', { problem: 'invalid_date' }],
        ['R004.4.1', { problem: 'invalid_date' }],
        ['R4', { problem: 'invalid_date' }],
        ['R4.4', { problem: 'invalid_date' }],
        ['RR4.4.1', { problem: 'invalid_date' }],
        ['R.4.4.1', { problem: 'invalid_date' }],
        ['令和100年1月1日', { problem: 'invalid_date' }],
        ['令和4年4月1日日', { problem: 'invalid_date' }],
        ['R4.4.1日', { problem: 'invalid_date' }],
        ['R4.4.110:00', { problem: 'invalid_date' }],
        ['T4.4.1', { problem: 'invalid_date' }],
        ['大正4年4月1日', { problem: 'invalid_date' }],
        ['元年5月1日', { problem: 'invalid_date' }],
        // Era boundaries are strict: these days belong to the neighbouring era.
        ['平成31年5月1日', { problem: 'invalid_date' }],
        ['H31.5.1', { problem: 'invalid_date' }],
        ['令和元年4月30日', { problem: 'invalid_date' }],
        ['令和1年4月30日', { problem: 'invalid_date' }],
        ['R1.4.30', { problem: 'invalid_date' }],
        ['昭和64年1月8日', { problem: 'invalid_date' }],
        ['S64.1.8', { problem: 'invalid_date' }],
        ['平成元年1月7日', { problem: 'invalid_date' }],
        ['昭和元年12月24日', { problem: 'invalid_date' }],
        ['令和0年5月1日', { problem: 'invalid_date' }],
        ['R5.2.29', { problem: 'invalid_date' }],
        ['R4.4.31', { problem: 'invalid_date' }],
        ['令和4年4/1', { problem: 'invalid_date' }],
        ['X4.4.1', { problem: 'invalid_date' }],
        ['令和4年度', { problem: 'invalid_date' }],
      ])('%j → %j', (input, expected) => {
        expect(dateAsText(input)).toEqual(expected);
      });
    });

    describe('bare numbers as text', () => {
      it.each<[string, unknown]>([
        ['44652', '2022-04-01'],
        ['44652.75', '2022-04-01'],
        ['４４６５２', '2022-04-01'],
        ['10000', '1927-05-18'],
        ['99999', '2173-10-13'],
        ['(金) 44652', '2022-04-01'],
        ['9999', { problem: 'invalid_date' }],
        ['100000', { problem: 'invalid_date' }],
        ['44652.', { problem: 'invalid_date' }],
        ['44652x', { problem: 'invalid_date' }],
        ['+44652', { problem: 'invalid_date' }],
        ['2022', { problem: 'invalid_date' }],
        ['202204', { problem: 'invalid_date' }],
        ['1', { problem: 'invalid_date' }],
        ['-44652', { problem: 'invalid_date' }],
      ])('%j → %j', (input, expected) => {
        expect(dateAsText(input)).toEqual(expected);
      });
    });

    describe('a time of day after the date must exist (24:00 is refused: this day or the next?)', () => {
      it.each<[string, unknown]>([
        ['2022/4/1 23:59', '2022-04-01'],
        ['2022/4/1 0:00', '2022-04-01'],
        ['2022/4/1 00:00:00', '2022-04-01'],
        ['2022/4/1 23:59:59', '2022-04-01'],
        ['2022/4/1 23:59:59.999', '2022-04-01'],
        ['2022/4/1 23:59:59.0', '2022-04-01'],
        ['2022/4/1 09:05', '2022-04-01'],
        ['2022/4/1 9:05', '2022-04-01'],
        ['2022/4/1 12:00 AM', '2022-04-01'],
        ['2022/4/1 12:59 PM', '2022-04-01'],
        ['2022/4/1 0:30 am', '2022-04-01'],
        ['2022/4/1 2:30 p.m.', '2022-04-01'],
        ['2022/4/1 2:30P.M.', '2022-04-01'],
        ['2022/4/1 2:30 pm.', '2022-04-01'],
        ['2022/4/1 2:30 a.m', '2022-04-01'],
        ['2022/4/1 10時 pm', '2022-04-01'],
        ['2022/4/1 10時', '2022-04-01'],
        ['2022年4月1日 午前0時', '2022-04-01'],
        ['2022年4月1日 午前12時', '2022-04-01'],
        ['2022年4月1日 午後12時', '2022-04-01'],
        ['2022年4月1日 午後 2時', '2022-04-01'],
        ['2022年4月1日 午後2:30', '2022-04-01'],
        ['2022年4月1日 23時59分59秒', '2022-04-01'],
        ['2022年4月1日 0時0分0秒', '2022-04-01'],
        ['2022年4月1日 10時 30分 15秒', '2022-04-01'],
        ['2022年4月1日 10時30分 pm', '2022-04-01'],
        ['2022-04-01T23:59:59Z', '2022-04-01'],
        ['2022-04-01t10:00', '2022-04-01'],
        ['2022-04-01 T 10:00', '2022-04-01'],
        ['2022-04-01T10:00:00z', '2022-04-01'],
        ['2022-04-01T10:00 Z', '2022-04-01'],
        ['2022-04-01T10:00:00-05', '2022-04-01'],
        ['2022-04-01T10:00:00+0900', '2022-04-01'],
        ['2022-04-01T10:00:00-05:30', '2022-04-01'],
        ['2022-04-01T10:00:00+23:59', '2022-04-01'],
        ['2022-04-01T10:00:00+00:00', '2022-04-01'],
        ['2022/4/1 2:30 PM +09:00', '2022-04-01'],
        ['2022/4/1 25:00', { problem: 'invalid_date' }],
        ['2022/4/1 24:00', { problem: 'invalid_date' }],
        ['2022/4/1 24:30', { problem: 'invalid_date' }],
        ['2022/4/1 10:60', { problem: 'invalid_date' }],
        ['2022/4/1 10:00:60', { problem: 'invalid_date' }],
        ['2022/4/1 10:00:61', { problem: 'invalid_date' }],
        ['2022/4/1 99:99', { problem: 'invalid_date' }],
        ['2022/4/1 13:00 PM', { problem: 'invalid_date' }],
        ['2022/4/1 13:00 am', { problem: 'invalid_date' }],
        ['2022/4/1 12:60 PM', { problem: 'invalid_date' }],
        ['2022年4月1日 午後13時', { problem: 'invalid_date' }],
        ['2022年4月1日 午前13時', { problem: 'invalid_date' }],
        ['2022年4月1日 午後13:00', { problem: 'invalid_date' }],
        ['2022年4月1日 24時', { problem: 'invalid_date' }],
        ['2022年4月1日 10時60分', { problem: 'invalid_date' }],
        ['2022年4月1日 10時5分60秒', { problem: 'invalid_date' }],
        ['2022年4月1日 10時5分秒', { problem: 'invalid_date' }],
        ['2022年4月1日 10時分', { problem: 'invalid_date' }],
        ['2022年4月1日 10時 30', { problem: 'invalid_date' }],
        ['2022年4月1日 10時 5 pm', { problem: 'invalid_date' }],
        ['2022年4月1日 10時5分 7 pm', { problem: 'invalid_date' }],
        ['2022年4月1日 午後', { problem: 'invalid_date' }],
        ['2022-04-01T10:00:00+24:00', { problem: 'invalid_date' }],
        ['2022-04-01T10:00:00+09:60', { problem: 'invalid_date' }],
        ['2022-04-01T10:00:00+9', { problem: 'invalid_date' }],
        ['2022-04-01T10:00:00+090', { problem: 'invalid_date' }],
        ['2022-04-01T10:00:00+09:', { problem: 'invalid_date' }],
        ['2022-04-01T10:00:00+09:0', { problem: 'invalid_date' }],
        ['2022-04-01T10:00:00+', { problem: 'invalid_date' }],
        ['2022-04-01T10:00:00ZZ', { problem: 'invalid_date' }],
        ['2022-04-01T', { problem: 'invalid_date' }],
        ['2022-04-01TT10:00', { problem: 'invalid_date' }],
        ['2022/4/1 10', { problem: 'invalid_date' }],
        ['2022/4/1 10:0', { problem: 'invalid_date' }],
        ['2022/4/1 10:000', { problem: 'invalid_date' }],
        ['2022/4/1 100:00', { problem: 'invalid_date' }],
        ['2022/4/1 010:00', { problem: 'invalid_date' }],
        ['2022/4/1 10:', { problem: 'invalid_date' }],
        ['2022/4/1 10:00:0', { problem: 'invalid_date' }],
        ['2022/4/1 10:00:', { problem: 'invalid_date' }],
        ['2022/4/1 10:00:00.', { problem: 'invalid_date' }],
        ['2022/4/1 :00', { problem: 'invalid_date' }],
        ['2022/4/1 10:00 x', { problem: 'invalid_date' }],
        ['2022/4/1 10:00 p', { problem: 'invalid_date' }],
        ['2022/4/1 10:00 p.', { problem: 'invalid_date' }],
        ['2022/4/1 10:00 pmx', { problem: 'invalid_date' }],
        ['2022/4/1 10:00 m', { problem: 'invalid_date' }],
        // A line break is not a space before a time: two lines are not one date.
        ['2022/4/1\n10:00', { problem: 'invalid_date' }],
        ['2022/4/1\r10:00', { problem: 'invalid_date' }],
        ['2022/4/1\u202810:00', { problem: 'invalid_date' }],
        ['2022/4/1\u202910:00', { problem: 'invalid_date' }],
        ['2022/4/1 10:00\n', '2022-04-01'], // trimmed
        ['2022/4/1 10:00\npm', { problem: 'invalid_date' }],
      ])('%j → %j', (input, expected) => {
        expect(dateAsText(input)).toEqual(expected);
      });
    });

    describe('a weekday in parentheses is left out', () => {
      it.each<[string, unknown]>([
        ['2022/4/1(金)', '2022-04-01'],
        ['2022/4/1( 金 )', '2022-04-01'],
        ['2022/4/1(金曜)', '2022-04-01'],
        ['2022/4/1(曜)', '2022-04-01'],
        ['2022/4/1(金祝)', '2022-04-01'],
        ['2022/4/1(金 ・ 祝)', '2022-04-01'],
        ['2022/4/2(土,日)', '2022-04-02'],
        ['2022/4/2(土 , 日)', '2022-04-02'],
        ['2022/4/2(土 日)', '2022-04-02'],
        ['2022/4/1(月火水木金土日祝休)', '2022-04-01'],
        ['2022/4/1(fri)', '2022-04-01'],
        ['2022/4/1(FRI)', '2022-04-01'],
        ['2022/4/1(Friday)', '2022-04-01'],
        ['2022/4/1(FRIDAY)', '2022-04-01'],
        ['2022/4/1(Fri.)', '2022-04-01'],
        ['2022/4/1( Fri. )', '2022-04-01'],
        ['2022/4/3(Sun)', '2022-04-03'],
        ['2022/4/4(Mon)', '2022-04-04'],
        ['2022/4/5(Tue)', '2022-04-05'],
        ['2022/4/6(Wed)', '2022-04-06'],
        ['2022/4/7(Thu)', '2022-04-07'],
        ['2022/4/2(Sat)', '2022-04-02'],
        ['(金)2022/4/1', '2022-04-01'],
        ['2022(金)/4/1', '2022-04-01'],
        ['2022/4/1 10:00 (金)', '2022-04-01'],
        ['2022/4/1()', { problem: 'invalid_date' }],
        ['2022/4/1(金', { problem: 'invalid_date' }],
        ['2022/4/1(金・)', { problem: 'invalid_date' }],
        ['2022/4/1(・金)', { problem: 'invalid_date' }],
        ['2022/4/1(金・・祝)', { problem: 'invalid_date' }],
        ['2022/4/1(金x)', { problem: 'invalid_date' }],
        ['2022/4/1(Fr)', { problem: 'invalid_date' }],
        ['2022/4/1(Fri..)', { problem: 'invalid_date' }],
        ['2022/4/1(Fri1)', { problem: 'invalid_date' }],
        ['2022/4/1(Fri 10:00', { problem: 'invalid_date' }],
        ['2022/4/1(金 10:00', { problem: 'invalid_date' }],
        ['2022/4/1 10:00(金', { problem: 'invalid_date' }],
        ['2022/4/1(xyz)', { problem: 'invalid_date' }],
        ['(2022/4/1', { problem: 'invalid_date' }], // a '(' holding no weekday is not dropped
        ['( 2022/4/1', { problem: 'invalid_date' }],
        ['2022/4/1(金)(土)', { problem: 'invalid_date' }],
        ['2022/4/1(x)(金)', { problem: 'invalid_date' }],
        ['金)2022/4/1', { problem: 'invalid_date' }],
        ['2022/4/1 金)', { problem: 'invalid_date' }],
        [`2022/4/1(${'日  '.repeat(14)}x`, { problem: 'invalid_date' }],
        [`2022/4/1(${'日  '.repeat(14)})`, '2022-04-01'],
      ])('%j → %j', (input, expected) => {
        expect(dateAsText(input)).toEqual(expected);
      });
    });

    describe('blank, error and other values', () => {
      it.each<[CellValue, unknown]>([
        ['', null],
        ['   ', null],
        [FULL_WIDTH_SPACE, null],
        [null, null],
        [undefined, null],
        ['#N/A', { problem: 'error_value' }],
        [' #REF! ', { problem: 'error_value' }],
        [true, { problem: 'invalid_date' }],
      ])('%j → %j', (input, expected) => {
        expect(dateAsText(input)).toEqual(expected);
      });
    });

    it('reads the last day of a 年度 and the first day of the next as consecutive days, in every form', () => {
      const lastDays: CellValue[] = [
        '2022/3/31',
        '2022-03-31',
        '令和4年3月31日',
        'R4.3.31',
        44651,
        new Date(2022, 2, 31),
      ];
      const firstDays: CellValue[] = ['2022/4/1', '2022-04-01', '令和4年4月1日', 'R4.4.1', 44652, new Date(2022, 3, 1)];
      const last = lastDays.map((value) => resultValue(parseDate(value)));
      const first = firstDays.map((value) => resultValue(parseDate(value)));
      expect(new Set(last).size).toBe(1);
      expect(new Set(first).size).toBe(1);
      expect(first[0]).toBe((last[0] as number) + 1);
      expect(first[0]).toBe(19083);
    });
  });

  describe('parseBoolean', () => {
    it.each<[CellValue, unknown]>([
      [true, true],
      [false, false],
      ['TRUE', true],
      ['true', true],
      ['はい', true],
      ['Yes', true],
      ['yes', true],
      ['Y', true],
      ['y', true],
      ['✓', true],
      ['✔', true],
      ['✔️', true],
      ['○', true],
      ['〇', true],
      ['◯', true],
      ['あり', true],
      ['有', true],
      ['☑', true],
      ['有り', true],
      ['✗', false],
      ['✘', false],
      ['無し', false],
      ['ー', false],
      ['—', false],
      ['–', false],
      ['―', false],
      ['NO', false],
      ['✔\ufe0f', true],
      ['1', true],
      ['１', true],
      [1, true],
      [' はい ', true],
      [`${FULL_WIDTH_SPACE}はい`, true],
      ['ＹＥＳ', true],
      ['FALSE', false],
      ['false', false],
      ['いいえ', false],
      ['No', false],
      ['N', false],
      ['×', false],
      ['✕', false],
      ['なし', false],
      ['無', false],
      ['0', false],
      [0, false],
      ['-', false],
      ['－', false],
      ['', null],
      [FULL_WIDTH_SPACE, null],
      [null, null],
      [undefined, null],
      ['#N/A', { problem: 'error_value' }],
      ['x', { problem: 'invalid_boolean' }],
      ['たぶん', { problem: 'invalid_boolean' }],
      ['はい?', { problem: 'invalid_boolean' }],
      [2, { problem: 'invalid_boolean' }],
      [new Date(2022, 3, 1), { problem: 'invalid_boolean' }],
    ])('%j → %j', (input, expected) => {
      expect(resultValue(parseBoolean(input))).toEqual(expected);
    });
  });

  describe('calendar arithmetic', () => {
    it.each<[number, number, number, number]>([
      [1970, 1, 1, 0],
      [1970, 1, 2, 1],
      [1969, 12, 31, -1],
      [2022, 4, 1, 19083],
      [2000, 3, 1, 11017],
      [1899, 12, 30, -25569],
    ])('dayNumberFromYmd(%i, %i, %i) = %i', (year, month, day, expected) => {
      expect(dayNumberFromYmd(year, month, day)).toBe(expected);
      expect(ymdFromDayNumber(expected)).toEqual({ year, month, day });
    });

    it('agrees with Date.UTC and round-trips every day from 1899 to 2101', () => {
      const first = dayNumberFromYmd(1899, 1, 1);
      const last = dayNumberFromYmd(2101, 12, 31);
      const disagreements: string[] = [];
      for (let dayNumber = first; dayNumber <= last; dayNumber++) {
        const date = new Date(dayNumber * 86_400_000);
        const { year, month, day } = ymdFromDayNumber(dayNumber);
        const utc = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        if (year !== utc[0] || month !== utc[1] || day !== utc[2] || dayNumberFromYmd(year, month, day) !== dayNumber) {
          disagreements.push(`${dayNumber}: ${year}-${month}-${day} vs ${utc.join('-')}`);
        }
      }
      expect(last - first).toBe(74143);
      expect(disagreements).toEqual([]);
    });

    it.each<[number, number, number, string]>([
      [2022, 13, 1, '2023-01-01'],
      [2022, 0, 1, '2021-12-01'],
      [2022, 4, 0, '2022-03-31'],
      [2023, 2, 29, '2023-03-01'],
      [2024, 2, 30, '2024-03-01'],
    ])('dayNumberFromYmd(%i, %i, %i) rolls over like Date.UTC to %s', (year, month, day, expected) => {
      expect(formatDayNumber(dayNumberFromYmd(year, month, day))).toBe(expected);
    });

    it.each<[number, number, number, boolean]>([
      [2024, 2, 29, true],
      [2023, 2, 29, false],
      [2000, 2, 29, true],
      [1900, 2, 29, false],
      [2022, 4, 30, true],
      [2022, 4, 31, false],
      [2022, 12, 31, true],
      [2022, 13, 1, false],
      [2022, 0, 1, false],
      [2022, 1, 0, false],
      [2022, 1.5, 1, false],
      [Number.NaN, 1, 1, false],
    ])('isValidYmd(%s, %s, %s) = %s', (year, month, day, expected) => {
      expect(isValidYmd(year, month, day)).toBe(expected);
    });

    it.each<[number, string]>([
      [0, '1970-01-01'],
      [19083, '2022-04-01'],
      [-25569, '1899-12-30'],
      [dayNumberFromYmd(9999, 12, 31), '9999-12-31'],
      [dayNumberFromYmd(5, 1, 2), '0005-01-02'],
      [dayNumberFromYmd(-1, 1, 1), '-0001-01-01'],
      [dayNumberFromYmd(10000, 1, 1), '10000-01-01'],
      [dayNumberFromYmd(123, 10, 10), '0123-10-10'],
    ])('formatDayNumber(%i) = %s', (dayNumber, expected) => {
      expect(formatDayNumber(dayNumber)).toBe(expected);
    });
  });
});

describe('integer number cells: the float-noise tolerance is exclusive at exactly 1e-9', () => {
  // |1e-9 - 0| equals the tolerance max(1e-9, 1e-21) exactly: within it, so the cell reads as 0 (a `>=` would say
  // not_integer); twice as far is outside.
  test.each<[number, unknown]>([
    [1e-9, 0],
    [-1e-9, 0],
    [2e-9, { problem: 'not_integer' }],
  ])('parseInteger and parseYen of %p → %p', (input, expected) => {
    expect(resultValue(parseInteger(input))).toEqual(expected);
    expect(resultValue(parseYen(input))).toEqual(expected);
  });
});

describe('yen text: parentheses mean a negative only when they open and close the cell', () => {
  // A lone closing parenthesis is a typo, not accounting notation: without the '(' check, '3000)' would lose its
  // first and last characters and read as 000 (0), '¥3,000)' as -3,000.
  test.each<[string, unknown]>([
    ['3000)', { problem: 'invalid_number' }],
    ['¥3,000)', { problem: 'invalid_number' }],
    ['(3,000)', -3000],
  ])('parseYen(%p) → %p', (input, expected) => {
    expect(resultValue(parseYen(input))).toEqual(expected);
  });
});

describe('yen text: the sign and yen sign are looked for twice, not three times', () => {
  // Two passes take '+' and '+', leaving '+3000', which is no number; a third pass would read 3000.
  test.each<[string, unknown]>([
    ['+++3000', { problem: 'invalid_number' }],
    // ¥ is taken on the first pass, - on the second; a third would take the + and read -3000.
    ['¥-+3000', { problem: 'invalid_number' }],
  ])('parseYen(%p) → %p', (input, expected) => {
    expect(resultValue(parseYen(input))).toEqual(expected);
  });
});

describe('formatDayNumber around year 0 (proleptic Gregorian)', () => {
  // Day -719468 is 0000-03-01, the origin of the days-from-civil algorithm (719,468 days before 1970-01-01);
  // year 0 is a leap year (divisible by 400), so the day before is 0000-02-29, and 0000-01-01 is 31 + 29 days
  // before 03-01. Year 0 is written 0000, not -0000.
  test.each<[number, string]>([
    [-719468, '0000-03-01'],
    [-719469, '0000-02-29'],
    [-719528, '0000-01-01'],
    [-719529, '-0001-12-31'],
  ])('formatDayNumber(%p) → %p', (day, expected) => {
    expect(formatDayNumber(day)).toBe(expected);
  });
});

describe('the fast reader of plain western dates accepts only what the general reader accepts', () => {
  test.each<[string, unknown]>([
    // Four non-digits are no year (the fast reader must not compute one from letters: 'abcd' would be year 54562).
    ['abcd/4/1', { problem: 'invalid_date' }],
    // 月 ends the month only after 年: 2022/4月1 mixes separators.
    ['2022/4月1', { problem: 'invalid_date' }],
    ['2022-4月1日', { problem: 'invalid_date' }],
    ['2022年4月1日', '2022-04-01'],
    ['2022/4/1', '2022-04-01'],
  ])('parseDate(%p) → %p', (input, expected) => {
    expect(dateAsText(input)).toEqual(expected);
  });
});

describe('the 2022年4月1日 fast path takes only 日 after the day, nothing else', () => {
  // After 年 and 月 the fast path may step over one 日; any other character after the day must stop it, and the
  // general reader then refuses the text (x, ( and ) are no time of day). Stepping over any character would read
  // 2022-04-01 or 2022-09-29.
  test.each<[string, unknown]>([
    ['2022年4月1x', { problem: 'invalid_date' }],
    ['2022年4月1(', { problem: 'invalid_date' }],
    ['2022年9月290', { problem: 'invalid_date' }],
    ['2022年4月1日', '2022-04-01'],
    ['2022年4月1', '2022-04-01'],
    ['2022年4月1日x', { problem: 'invalid_date' }],
  ])('parseDate(%p) → %p', (input, expected) => {
    expect(dateAsText(input)).toEqual(expected);
  });
});

describe('the general date reader wants the second separator', () => {
  // Without the separator between month and day, 2022/122 would read as month 12, day 2; spaces around the first
  // separator and an era year take the same general reader (2022. 109 has a space: 2022.109 is a bare number).
  test.each<[string, unknown]>([
    ['2022/122', { problem: 'invalid_date' }],
    ['2022 /122', { problem: 'invalid_date' }],
    ['2022. 109', { problem: 'invalid_date' }],
    ['令和4/121', { problem: 'invalid_date' }],
    ['R4 /091', { problem: 'invalid_date' }],
    ['2022 /12/2', '2022-12-02'],
    ['令和4/12/1', '2022-12-01'],
  ])('parseDate(%p) → %p', (input, expected) => {
    expect(dateAsText(input)).toEqual(expected);
  });
});

describe('quick reads: each parser gives exactly what its quick read gives, whenever the quick read gives anything', () => {
  // The contract of quickText, quickDay and quickInteger (readTable reads a cell with them first and calls the parser
  // only for undefined): a value, or null for an empty cell, that parseText, parseDate, parseInteger and parseYen
  // would give as { ok: true, value } (null as BLANK). A quick read that answers where the parser refuses or reads
  // otherwise makes readTable store a value the parser would have reported.
  const BLANK_RESULT = { ok: true, value: null };
  const asResult = (quick: unknown) => (quick === null ? BLANK_RESULT : { ok: true, value: quick });

  // Pieces that hit the edges of each quick read: ASCII and full-width digits, half- and full-width spaces, a tab,
  // signs, the date separators, an error value, thousands separators, yen units, letters.
  const piece = fc.constantFrom(
    '0',
    '1',
    '2',
    '4',
    '9',
    '０',
    '５',
    ' ',
    '\u3000',
    '\t',
    '-',
    '+',
    '/',
    '.',
    '年',
    '月',
    '日',
    '#',
    'N/A',
    '#N/A',
    ',',
    '万',
    '円',
    'a',
    'Z',
    '2022',
    '2024',
    '02',
    '29',
    '31',
    '12',
  );
  const randomText = fc.array(piece, { maxLength: 10 }).map((pieces) => pieces.join(''));
  // Dates of the plain forms, many of them days no calendar has (month 0 or 13, day 0, 30 or 32, 29 February), some
  // with a 日 where only 年…月 may have one.
  const plainDate = fc
    .tuple(
      fc.constantFrom('2022', '2023', '2024', '1900', '2000', '0000'),
      fc.constantFrom('/', '-', '.', '年'),
      fc.constantFrom('0', '1', '2', '02', '12', '13', '00', '012'),
      fc.constantFrom('0', '1', '01', '28', '29', '30', '31', '32', '001'),
      fc.constantFrom('', '日'),
    )
    .map(([year, separator, month, day, end]) =>
      separator === '年' ? `${year}年${month}月${day}${end}` : `${year}${separator}${month}${separator}${day}${end}`,
    );
  const digits = fc.array(fc.constantFrom('0', '1', '5', '9'), { minLength: 1, maxLength: 17 }).map((d) => d.join(''));
  const anyText = fc.oneof(randomText, plainDate, digits);

  it("on 4,000 seeded random texts, and each answer is the general path's reading of the same text", () => {
    const seen = { text: 0, blankText: 0, day: 0, integer: 0, blankNumber: 0 };
    fc.assert(
      fc.property(anyText, (text) => {
        const textRead = quickText(text);
        if (textRead !== undefined) {
          expect(parseText(text)).toEqual(asResult(textRead));
          // Spaces around it take the parser past nothing: quickText trims as parseText does.
          expect(parseText(` ${text}\t`)).toEqual(asResult(textRead));
          if (textRead === null) {
            expect(text.trim()).toBe('');
            seen.blankText++;
          } else seen.text++;
        } else {
          expect(parseText(text)).toEqual({ ok: false, problem: 'error_value' });
        }
        const day = quickDay(text);
        if (day !== undefined) {
          expect(parseDate(text)).toEqual(asResult(day));
          // Null only for the empty text: a day no calendar has is the parser's to refuse.
          if (day === null) expect(text).toBe('');
          else {
            // A time of day after the date takes the general scanner, which must read the same day.
            expect(parseDate(`${text} 0:00`)).toEqual({ ok: true, value: day });
            seen.day++;
          }
        }
        const integer = quickInteger(text);
        if (integer !== undefined) {
          expect(parseInteger(text)).toEqual(asResult(integer));
          expect(parseYen(text)).toEqual(asResult(integer));
          if (integer === null) {
            expect(text).toBe('');
            seen.blankNumber++;
          } else {
            // The general path (a space, a count unit, a yen unit: no quick read) reads the same number.
            expect(quickInteger(` ${text}`)).toBeUndefined();
            expect(parseInteger(` ${text}`)).toEqual({ ok: true, value: integer });
            expect(parseInteger(`${text}人`)).toEqual({ ok: true, value: integer });
            expect(parseYen(`${text}円`)).toEqual({ ok: true, value: integer });
            expect(parseYen(`¥${text}`)).toEqual({ ok: true, value: integer });
            seen.integer++;
          }
        }
      }),
      { seed: 20240229, numRuns: 4000 },
    );
    // The property is not empty: each quick read answered for many texts (a quick read that always said undefined
    // would pass the checks above).
    expect(seen.text).toBeGreaterThan(1000);
    expect(seen.blankText).toBeGreaterThan(10);
    expect(seen.day).toBeGreaterThan(200);
    expect(seen.integer).toBeGreaterThan(400);
    expect(seen.blankNumber).toBeGreaterThan(10);
  });

  it('a plain date the quick read passes over (no such day) is refused by the parser, also after a time of day', () => {
    fc.assert(
      fc.property(plainDate, (text) => {
        if (quickDay(text) !== undefined) return;
        expect(parseDate(text)).toEqual(parseDate(`${text} 0:00`));
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  // Days since 1970-01-01, worked out by hand: 2022-01-01 is 52 × 365 + 13 leap days (1972 … 2020) = 18993, and
  // 1 April is 31 + 28 + 31 = 90 days later: 19083. 2024-01-01 is 54 × 365 + 13 = 19723; 29 February is 31 + 28 days
  // later: 19782.
  test.each<[string, string | null | undefined, number | null | undefined, number | null | undefined]>([
    // text, quickText, quickDay, quickInteger
    ['999999999999999', '999999999999999', undefined, 999999999999999],
    ['000000000000000', '000000000000000', undefined, 0],
    ['1234567890123456', '1234567890123456', undefined, undefined],
    ['007', '007', undefined, 7],
    ['0', '0', undefined, 0],
    ['', null, null, null],
    ['  ', null, undefined, undefined],
    ['\u3000', null, undefined, undefined],
    [' 7', '7', undefined, undefined],
    ['7 ', '7', undefined, undefined],
    ['７', '７', undefined, undefined],
    ['-7', '-7', undefined, undefined],
    ['+7', '+7', undefined, undefined],
    ['1,000', '1,000', undefined, undefined],
    ['#N/A', undefined, undefined, undefined],
    [' #n/a ', undefined, undefined, undefined],
    ['#N/A!', '#N/A!', undefined, undefined],
    ['2024-02-29', '2024-02-29', 19782, undefined],
    ['2023-02-29', '2023-02-29', undefined, undefined],
    ['2022年4月1日', '2022年4月1日', 19083, undefined],
    ['2022年4月1', '2022年4月1', 19083, undefined],
    ['2022-04-01', '2022-04-01', 19083, undefined],
    ['2022-4-1', '2022-4-1', 19083, undefined],
    ['2022/4/1', '2022/4/1', 19083, undefined],
    ['2022.4.1', '2022.4.1', 19083, undefined],
    [' 2022-04-01', '2022-04-01', undefined, undefined],
    ['2022-04-01 ', '2022-04-01', undefined, undefined],
    ['２０２２-04-01', '２０２２-04-01', undefined, undefined],
    ['2022-04/01', '2022-04/01', undefined, undefined],
    ['20220401', '20220401', undefined, 20220401],
  ])('%j: quickText %j, quickDay %j, quickInteger %j', (text, textRead, day, integer) => {
    expect(quickText(text)).toBe(textRead);
    expect(quickDay(text)).toBe(day);
    expect(quickInteger(text)).toBe(integer);
  });

  test.each<[string, unknown, unknown, unknown, unknown]>([
    // text, parseText, parseDate, parseInteger, parseYen: what the general path gives where the quick reads say undefined
    [
      '1234567890123456',
      { ok: true, value: '1234567890123456' },
      { ok: false, problem: 'invalid_date' },
      { ok: true, value: 1234567890123456 },
      { ok: true, value: 1234567890123456 },
    ],
    ['  ', BLANK_RESULT, BLANK_RESULT, BLANK_RESULT, BLANK_RESULT],
    [
      ' 7',
      { ok: true, value: '7' },
      { ok: false, problem: 'invalid_date' },
      { ok: true, value: 7 },
      { ok: true, value: 7 },
    ],
    [
      '#N/A',
      { ok: false, problem: 'error_value' },
      { ok: false, problem: 'error_value' },
      { ok: false, problem: 'error_value' },
      { ok: false, problem: 'error_value' },
    ],
    [
      '2023-02-29',
      { ok: true, value: '2023-02-29' },
      { ok: false, problem: 'invalid_date' },
      { ok: false, problem: 'invalid_number' },
      { ok: false, problem: 'invalid_number' },
    ],
    [
      ' 2022-04-01',
      { ok: true, value: '2022-04-01' },
      { ok: true, value: 19083 },
      { ok: false, problem: 'invalid_number' },
      { ok: false, problem: 'invalid_number' },
    ],
    [
      '２０２２-04-01',
      { ok: true, value: '２０２２-04-01' },
      { ok: true, value: 19083 },
      { ok: false, problem: 'invalid_number' },
      { ok: false, problem: 'invalid_number' },
    ],
    [
      '７',
      { ok: true, value: '７' },
      { ok: false, problem: 'invalid_date' },
      { ok: true, value: 7 },
      { ok: true, value: 7 },
    ],
  ])('%j: parseText %j, parseDate %j, parseInteger %j, parseYen %j', (text, asText, asDate, asInteger, asYen) => {
    expect(parseText(text)).toEqual(asText);
    expect(parseDate(text)).toEqual(asDate);
    expect(parseInteger(text)).toEqual(asInteger);
    expect(parseYen(text)).toEqual(asYen);
  });

  it('leave every value that is not a string to the parser', () => {
    for (const value of [7, 0, -1, 20220401, Number.NaN, new Date(2022, 3, 1), true, false, null, undefined]) {
      expect([quickText(value), quickDay(value), quickInteger(value)]).toEqual([undefined, undefined, undefined]);
    }
    // What the parsers then give (worked out from their tables above): a number is a number, null is blank.
    expect(parseInteger(7)).toEqual({ ok: true, value: 7 });
    expect(parseText(7)).toEqual({ ok: true, value: '7' });
    expect(parseDate(null)).toEqual({ ok: true, value: null });
    expect(parseYen(true)).toEqual({ ok: false, problem: 'invalid_number' });
  });

  it('give a blank cell read quickly the one shared, frozen blank result, as the parsers give null', () => {
    // Results are shared frozen objects (no allocation per blank cell of a big tab); a blank read quickly ('', or
    // spaces for text) must not make a new { ok: true, value: null } each time.
    for (const parse of [parseText, parseDate, parseInteger, parseYen] as ((value: CellValue) => unknown)[]) {
      const blank = parse('');
      expect(blank).toEqual({ ok: true, value: null });
      expect(blank).toBe(parse(null));
      expect(Object.isFrozen(blank)).toBe(true);
    }
    expect(parseText(' ')).toBe(parseText(null));
  });
});
