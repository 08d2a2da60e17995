// This file defines the tests of a column's typing help: the schema's own words, or else its dropdown's values.
import { columnHelp, inputHelpFor, inputRuleFor, numberFormatFor } from '../../src/core/input-rules';
import type { ColumnDef, TabKey } from '../../src/core/schema';
import { tabDef } from '../../src/core/schema';

function column(tab: TabKey, ja: string): ColumnDef {
  const found = tabDef(tab).columns.find((def) => def.ja === ja);
  if (!found) throw new Error(`no column ${ja} in ${tab}`);
  return found;
}

describe('columnHelp', () => {
  it.each([
    // Choice columns whose help is their choices: the values joined by ` / `, in the schema's order.
    ['costs', '費目', '人件費 / その他経費'],
    ['candidates', '属性', '難民申請中 / 難民認定 / 補完的保護 / 人道配慮 / 避難民 / その他'],
    ['candidates', '就職経路', '職業紹介 / 自己応募 / その他'],
    ['jobOrders', '雇用期間', '期間の定めなし / 4か月以上 / 1か月以上4か月未満 / 1か月未満'],
    ['events', '形式', '対面 / オンライン / ハイブリッド'],
    ['meetings', '種別', '社員総会 / 理事会 / その他'],
    // A yes/no column offers はい and いいえ.
    ['candidates', '無期雇用', 'はい / いいえ'],
    // A column with its own words keeps them, choices or not.
    ['candidates', '雇用期間', '就職先の雇用期間: 期間の定めなし / 4か月以上 / 1か月以上4か月未満 / 1か月未満'],
    ['candidates', '国外', '国外にわたる職業紹介なら はい（空欄は いいえ）'],
    ['costs', '日付', '支出した日'],
  ] as const)('%s.%s → %s', (tab, ja, expected) => {
    expect(columnHelp(column(tab, ja))).toBe(expected);
  });

  it('is empty for a free-text column without help (none in the schema; a future one shows no note)', () => {
    expect(columnHelp({ key: 'x', ja: 'X', en: 'X', type: 'text' })).toBe('');
  });
});

describe('inputHelpFor', () => {
  it('adds the values a reference also takes (費用.事業内容 takes 管理費)', () => {
    expect(inputHelpFor(column('costs', '事業内容'))).toBe(
      '「事業」タブの事業内容、または 管理費（管理費は一覧になくても入力できます）',
    );
  });

  it('is the column help for a column without extra values', () => {
    expect(inputHelpFor(column('costs', '費目'))).toBe('人件費 / その他経費');
  });
});

describe('inputRuleFor', () => {
  it('offers はい / いいえ as a closed list, and イベント.種別 as suggestions', () => {
    expect(inputRuleFor(column('candidates', '無期雇用'))).toEqual({
      kind: 'choices',
      values: ['はい', 'いいえ'],
      open: false,
    });
    const kinds = inputRuleFor(column('events', '種別'));
    expect(kinds.kind === 'choices' && [kinds.values.slice(0, 2), kinds.open]).toEqual([['交流会', '勉強会'], true]);
    expect(inputRuleFor(column('costs', '費目'))).toEqual({
      kind: 'choices',
      values: ['人件費', 'その他経費'],
      open: false,
    });
  });

  it('gives an empty list to a choice column without choices (none in the schema)', () => {
    expect(inputRuleFor({ key: 'x', ja: 'X', en: 'X', type: 'choice' })).toEqual({
      kind: 'choices',
      values: [],
      open: false,
    });
  });

  it('gives no rule to an ID without a reference, nor to free text', () => {
    expect(inputRuleFor(column('events', 'イベントID'))).toEqual({ kind: 'none' });
    expect(inputRuleFor(column('events', '名称'))).toEqual({ kind: 'none' });
    expect(inputRuleFor(column('costs', '事業内容'))).toEqual({
      kind: 'reference',
      tab: 'programs',
      column: 'program',
    });
  });
});

describe('numberFormatFor', () => {
  it('shows dates as yyyy/mm/dd, yen with thousands separators, and nothing for other columns', () => {
    expect(numberFormatFor(column('costs', '日付'))).toBe('yyyy/mm/dd');
    expect(numberFormatFor(column('costs', '金額'))).toBe('#,##0');
    expect(numberFormatFor(column('costs', '費目'))).toBeNull();
    expect(numberFormatFor(column('events', '参加者数'))).toBeNull();
  });
});

describe('inputHelpFor with several extra values', () => {
  it('joins them with 、', () => {
    const def: ColumnDef = {
      key: 'x',
      ja: 'X',
      en: 'X',
      type: 'id',
      help: '事業内容',
      ref: { tab: 'programs', column: 'program', extra: ['管理費', '共通費'] },
    };
    expect(inputHelpFor(def)).toBe('事業内容（管理費、共通費は一覧になくても入力できます）');
  });
});
