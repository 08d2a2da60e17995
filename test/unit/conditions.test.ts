// This file tests metric conditions as staff write them (src/core/conditions.ts): splitting, filter names, known values.
import {
  describeKnownValues,
  findFilterKey,
  knownFilterValues,
  parseCondition,
  splitConditionValues,
  unknownFilterValues,
} from '../../src/core/conditions';
import { readWorkbook } from '../../src/core/read-workbook';
import { rawWorkbook } from '../helpers/raw';

describe('conditions', () => {
  it.each<[string, string[]]>([
    ['交流会', ['交流会']],
    ['交流会, 勉強会', ['交流会', '勉強会']],
    ['交流会、勉強会，研修', ['交流会', '勉強会', '研修']],
    [' , ,a,', ['a']],
    ['  交流 会  ', ['交流 会']],
    ['', []],
  ])('splitConditionValues(%j) = %j', (text, expected) => {
    expect(splitConditionValues(text)).toEqual(expected);
  });

  it.each<[string, string | undefined]>([
    ['事業内容', '事業内容'],
    ['　事業内容 ', '事業内容'],
    ['種別', '種別'],
    ['就職経路', '就職経路'],
    ['費目', '費目'],
    ['区分', '区分'],
    ['雇用形態', '雇用形態'],
    ['属性', '属性'],
    ['事業', undefined],
    ['program', undefined],
    ['', undefined],
  ])('findFilterKey(%j) = %j', (name, expected) => {
    expect(findFilterKey(name)).toBe(expected);
  });

  it.each<[string, unknown]>([
    ['事業内容=育成事業', { ok: true, key: '事業内容', values: ['育成事業'] }],
    [' 事業内容 ＝ 育成事業, 啓発事業 ', { ok: true, key: '事業内容', values: ['育成事業', '啓発事業'] }],
    ['事業内容=', { ok: true, key: '事業内容', values: [] }],
    ['種別=a=b', { ok: true, key: '種別', values: ['a=b'] }],
    ['属性＝人道配慮=x', { ok: true, key: '属性', values: ['人道配慮=x'] }],
    ['=育成事業', { ok: false, problem: 'malformed', name: '=育成事業' }],
    [' 事業内容 ', { ok: false, problem: 'malformed', name: '事業内容' }],
    ['', { ok: false, problem: 'malformed', name: '' }],
    ['不明 = a', { ok: false, problem: 'unknown_filter', name: '不明' }],
  ])('parseCondition(%j) = %j', (text, expected) => {
    expect(parseCondition(text)).toEqual(expected);
  });

  describe('known values', () => {
    const { workbook } = readWorkbook(
      rawWorkbook({
        事業: [
          ['事業内容', '定款の事業名', '区分'],
          ['育成事業', '統合を促す事業', '特定非営利活動'],
          ['', '名前のない事業', 'その他の事業'],
        ],
        イベント: [
          ['イベントID', '事業内容', '種別', '開始日'],
          ['E1', '育成事業', '座談会', '2022/4/1'],
          // A blank 種別 adds '' (never a made-up text): describeKnownValues leaves it out.
          ['E2', '育成事業', '', '2022/5/1'],
        ],
      }),
    );

    it.each<[Parameters<typeof knownFilterValues>[1], unknown]>([
      ['事業内容', { values: ['育成事業', ''], open: false }],
      ['区分', { values: ['特定非営利活動', 'その他の事業'], open: false }],
      ['費目', { values: ['人件費', 'その他経費'], open: false }],
      ['就職経路', { values: ['職業紹介', '自己応募', 'その他'], open: false }],
      ['属性', { values: ['難民申請中', '難民認定', '補完的保護', '人道配慮', '避難民', 'その他'], open: false }],
      [
        '種別',
        {
          values: [
            '交流会',
            '勉強会',
            'メンターシップ',
            '研修',
            'OJT',
            '日本語プログラム',
            '日本語サロン',
            '講演',
            'メディア取材',
            '企業ヒアリング',
            'その他',
            '座談会',
            '',
          ],
          open: true,
        },
      ],
      ['雇用形態', undefined],
    ])('knownFilterValues(%s)', (key, expected) => {
      expect(knownFilterValues(workbook, key)).toEqual(expected);
    });

    it('finds the values that match nothing, width- and space-folded', () => {
      const known = { values: ['育成事業', 'OJT'], open: false };
      expect(unknownFilterValues(known, ['育成事業', ' ｏｊｔ ', '啓発事業', '育成'])).toEqual(['啓発事業', '育成']);
      expect(unknownFilterValues(known, [])).toEqual([]);
    });

    it('describes at most 12 distinct, non-blank values joined by 、', () => {
      expect(describeKnownValues({ values: ['a', '', 'b', 'a'], open: false })).toBe('a、b');
      const many = Array.from({ length: 14 }, (_, index) => `v${index + 1}`);
      expect(describeKnownValues({ values: many, open: true })).toBe(
        'v1、v2、v3、v4、v5、v6、v7、v8、v9、v10、v11、v12',
      );
      expect(describeKnownValues({ values: [''], open: false })).toBe('');
    });
  });
});
