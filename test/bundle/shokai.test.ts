// The built bundle on the fakes: 職業紹介事業報告を作成 makes the Doc, and JIGYO_METRIC gives the same figures as that
// Doc for every row of the form (国内 and 国外=はい), each formula reading only the tabs it needs, once each.
import { documentBlocks, sheetValues } from '../fakes';
import { shokaiTabs } from '../fixtures/shokai-workbook';
import { type LoadedBundle, loadBundle } from '../helpers/bundle';

const formula = (bundle: LoadedBundle, name: string, ...args: unknown[]): unknown =>
  bundle.env.asCustomFunction(() => bundle.call(name, ...args));

/**
 * Each row of the form: its label in the Doc, its metric, the figure worked out by hand in
 * test/fixtures/shokai-workbook.ts (国内, 国外), and the reads of a formula without a range (設定 + the metric's tabs).
 */
const ROWS: [label: string, metric: string, domestic: number, abroad: number, reads: number][] = [
  ['有効求人数（3月31日現在）', '有効求人数', 6, 0, 2],
  ['常用求人数', '常用求人数', 3, 5, 3],
  ['臨時求人数', '臨時求人数', 4, 0, 3],
  ['日雇求人数', '日雇求人数', 1, 0, 3],
  ['新規求職申込件数', '新規求職申込件数', 10, 1, 2],
  ['有効求職者数（3月31日現在）', '有効求職者数', 2, 0, 2],
  ['常用就職件数', '常用就職件数', 5, 1, 2],
  ['臨時就職件数', '臨時就職件数', 1, 0, 2],
  ['日雇就職件数', '日雇就職件数', 1, 0, 2],
  ['無期雇用就職件数', '無期雇用就職件数', 4, 1, 2],
  ['うち6か月以内に離職した者（解雇を除く）', '6か月以内離職者数', 1, 0, 2],
  ['うち離職したかどうか不明の者', '離職不明者数', 1, 0, 2],
  ['手数料収入', '手数料収入', 350_000, 30_000, 2],
];

/** The Doc's tables: the five 国内 parts, then 国外 (label in column 1), as label → printed figure. */
function docFigures(bundle: LoadedBundle): { domestic: Map<string, string>; abroad: Map<string, string> } {
  const tables = documentBlocks(bundle.env.documents[0]).flatMap((b) => (b.type === 'TABLE' ? [b.rows.slice(1)] : []));
  const domestic = new Map(tables.slice(0, 5).flatMap((rows) => rows.map((row): [string, string] => [row[0], row[1]])));
  const abroad = new Map(tables[5].map((row): [string, string] => [row[1], row[2]]));
  return { domestic, abroad };
}

const printed = (value: number) => value.toLocaleString('en-US');

describe('職業紹介事業報告を作成 and JIGYO_METRIC in the bundle', () => {
  it('makes the Doc and one 生成履歴 row, reading each tab once', () => {
    const bundle = loadBundle({ sheets: shokaiTabs() });
    bundle.call('menuCreateShokaiReport');
    expect(bundle.env.documents).toHaveLength(1);
    expect(bundle.env.documents[0].getName()).toMatch(/^2022年度 職業紹介事業報告書 \(生成 /);
    // 設定, 事業, 候補者, 企業, 求人, イベント, 費用, 本文: one getValues each.
    expect(bundle.env.calls.count('Range.getValues')).toBe(8);
    const log = sheetValues(bundle.env, '生成履歴');
    expect(log).toHaveLength(2);
    expect(log[1].slice(1, 4)).toEqual([
      '2022',
      'Google ドキュメント（職業紹介事業報告書）',
      bundle.env.documents[0].getUrl(),
    ]);
    // Every name, ID, 企業名 and 職種 of the fixture is a sentinel: none reaches the Doc or the log.
    expect(JSON.stringify([documentBlocks(bundle.env.documents[0]), log])).not.toContain('SENTINEL');
    const figures = docFigures(bundle);
    expect(figures.domestic.size).toBe(13);
    expect(figures.abroad.size).toBe(13);
  });

  it.each(ROWS)(
    '%s: JIGYO_METRIC("%s") gives the Doc’s figure, 国内 and 国外=はい',
    (label, metric, domestic, abroad, reads) => {
      const bundle = loadBundle({ sheets: shokaiTabs() });
      bundle.call('menuCreateShokaiReport');
      const figures = docFigures(bundle);
      expect(figures.domestic.get(label)).toBe(printed(domestic));
      expect(figures.abroad.get(label)).toBe(printed(abroad));
      bundle.env.calls.reset();
      expect(formula(bundle, 'JIGYO_METRIC', metric, 2022)).toBe(domestic);
      expect(bundle.env.calls.count('Range.getValues')).toBe(reads);
      bundle.env.calls.reset();
      expect(formula(bundle, 'JIGYO_METRIC', metric, 2022, '国外=はい')).toBe(abroad);
      expect(bundle.env.calls.count('Range.getValues')).toBe(reads);
    },
  );
});
