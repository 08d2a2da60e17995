// This file defines the tests of a column's typing help: the schema's own words, or else its dropdown's values.
import { columnHelp, inputHelpFor } from '../../src/core/input-rules';
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
