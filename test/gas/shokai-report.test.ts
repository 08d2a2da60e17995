// Tests of 職業紹介事業報告を作成 on the fakes: the menu item, a new Doc with the hand-worked figures, a 生成履歴 row that
// names the report, one read per tab, the same gates as the 事業報告書, and the sidebar's second generate button.
import { createReport, menuCreateShokaiReport } from '../../src/gas/actions';
import { MENU_ITEMS } from '../../src/gas/menu';
import { generateReport } from '../../src/gas/sidebar-server';
import { updateReport } from '../../src/gas/update-doc';
import {
  createFakeEnvironment,
  documentBlocks,
  type FakeDocument,
  type FakeEnvironment,
  fakeSheet,
  installFakes,
  sheetValues,
  unwrap,
} from '../fakes';
import { SHOKAI_CANDIDATES, shokaiTabs } from '../fixtures/shokai-workbook';

const DATA_TABS = ['設定', '事業', '候補者', '企業', '求人', 'イベント', '費用', '本文'];

function withFakes(run: (env: FakeEnvironment) => void, sheets = shokaiTabs()): void {
  const env = createFakeEnvironment({ sheets, htmlFiles: { sidebar: '<html></html>' } });
  const uninstall = installFakes(env);
  try {
    run(env);
  } finally {
    uninstall();
  }
}

const tables = (env: FakeEnvironment, index = 0) =>
  documentBlocks(env.documents[index]).flatMap((block) => (block.type === 'TABLE' ? [block.rows] : []));

describe('職業紹介事業報告を作成', () => {
  it('is a menu item right after 事業報告書を作成, calling menuCreateShokaiReport', () => {
    const captions = MENU_ITEMS.map((item) => item.caption);
    expect(captions.slice(2, 4)).toEqual(['事業報告書を作成', '職業紹介事業報告を作成']);
    expect(MENU_ITEMS[3].functionName).toBe('menuCreateShokaiReport');
  });

  it('creates a Doc with every figure, logs the run as the 職業紹介事業報告書, reads each tab once, writes no data tab', () => {
    withFakes((env) => {
      const before = DATA_TABS.map((name) => sheetValues(env, name));
      const outcome = createReport(env.SpreadsheetApp.getActiveSpreadsheet(), {
        kind: 'shokai',
        now: new Date(Date.UTC(2023, 3, 20, 1, 5)),
      });
      expect(outcome).toEqual({
        kind: 'created',
        url: env.documents[0].getUrl(),
        name: '2022年度 職業紹介事業報告書 (生成 2023-04-20 10:05)',
        // 13 missing_consent warnings: the fixture's 候補者 rows have 氏名 but no 同意取得日.
        warnings: 13,
      });
      expect(env.documents).toHaveLength(1);
      const [jobs, seekers, placements, permanent, fees, abroad, site] = tables(env);
      expect(jobs).toEqual([
        ['項目', '数', '単位'],
        ['有効求人数（3月31日現在）', '6', '人'],
        ['常用求人数', '3', '人'],
        ['臨時求人数', '4', '人'],
        ['日雇求人数', '1', '人'],
      ]);
      expect(seekers.slice(1).map((row) => row[1])).toEqual(['10', '2']);
      expect(placements.slice(1).map((row) => row[1])).toEqual(['5', '1', '1']);
      expect(permanent.slice(1).map((row) => row[1])).toEqual(['4', '1', '1']);
      expect(fees.slice(1)).toEqual([['手数料収入', '350,000', '円']]);
      expect(abroad.slice(1).map((row) => row[2])).toEqual([
        '0',
        '5',
        '0',
        '0',
        '1',
        '0',
        '1',
        '0',
        '0',
        '1',
        '0',
        '0',
        '30,000',
      ]);
      expect(site.slice(1).map((row) => row.slice(0, 2))).toEqual([
        ['年度就職者数', '8'],
        ['無期雇用就職者数', '5'],
        ['うち6か月以内離職者数', '1'],
        ['うち離職不明者数', '1'],
      ]);
      const log = sheetValues(env, '生成履歴');
      expect(log).toHaveLength(2);
      expect(log[1].slice(0, 4)).toEqual([
        '2023-04-20 10:05',
        '2022',
        'Google ドキュメント（職業紹介事業報告書）',
        env.documents[0].getUrl(),
      ]);
      expect(env.spreadsheet.toasts.map((toast) => `${toast.title}: ${toast.message}`)).toEqual([
        '職業紹介事業報告書: 入力を読み込んでいます…',
        '職業紹介事業報告書: ドキュメントを作成しています…',
        '職業紹介事業報告書: 作成しました',
      ]);
      // One getValues per contract tab present (8 data tabs; 生成履歴 does not exist yet), whatever the rows.
      expect(env.calls.count('Range.getValues')).toBe(8);
      expect(DATA_TABS.map((name) => sheetValues(env, name))).toEqual(before);
      expect(JSON.stringify(documentBlocks(env.documents[0]))).not.toContain('SENTINEL');
      expect(JSON.stringify(log)).not.toContain('SENTINEL');
    });
  });

  it('from the menu: shows the link, or lists the errors and makes no Doc when the input has errors', () => {
    withFakes((env) => {
      menuCreateShokaiReport();
      expect(env.documents).toHaveLength(1);
      expect(env.documents[0].getName()).toMatch(
        /^2022年度 職業紹介事業報告書 \(生成 \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)$/,
      );
      expect(env.ui.dialogs.at(-1)?.content).toContain(env.documents[0].getUrl());
    });
    const broken = shokaiTabs();
    broken.費用 = [
      ['日付', '事業内容', '費目', '金額'],
      ['2022/4/1', '職業紹介', '人件費', '約5万'],
    ];
    withFakes((env) => {
      menuCreateShokaiReport();
      expect(env.documents).toHaveLength(0);
      const toast = env.spreadsheet.toasts.at(-1);
      expect(toast?.title).toBe('職業紹介事業報告書を作成できません');
      expect(toast?.message).toMatch(/^エラー 1 件、警告 13 件。エラーを直してから作成してください/);
      expect(env.ui.dialogs.at(-1)?.kind).toBe('sidebar');
    }, broken);
  });

  it('from the sidebar: generateReport(year, "shokai") makes it; any other kind makes the 事業報告書', () => {
    withFakes((env) => {
      expect(generateReport(2022, 'shokai')).toMatchObject({ kind: 'created' });
      expect(generateReport(2022, 'SHOKAI')).toMatchObject({ kind: 'created' });
      expect(generateReport(null, 'shokai')).toMatchObject({ kind: 'created' });
      expect(env.documents.map((doc) => doc.getName().replace(/ \(生成 .*\)$/, ''))).toEqual([
        '2022年度 職業紹介事業報告書',
        '2022年度 事業報告書',
        '2022年度 職業紹介事業報告書',
      ]);
      expect(sheetValues(env, '生成履歴').map((row) => row[2])).toEqual([
        '形式',
        'Google ドキュメント（職業紹介事業報告書）',
        'Google ドキュメント',
        'Google ドキュメント（職業紹介事業報告書）',
      ]);
    });
  });
});

/** Name → the text of each range of that name, read on the fake itself (no counted call). */
function namedFigures(document: FakeDocument): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const range of document.getNamedRanges()) {
    const text = range
      .getRange()
      .elements.map((element) => element.paragraph.getText().slice(element.first, element.last + 1))
      .join('');
    out[range.getName()] ??= [];
    out[range.getName()].push(text);
  }
  return out;
}

describe('the 職業紹介事業報告書’s figures in the Doc (issue 14)', () => {
  it('names the range of each figure jh:<tag>, 30 in all, over exactly the printed figure', () => {
    withFakes((env) => {
      createReport(env.SpreadsheetApp.getActiveSpreadsheet(), { kind: 'shokai', now: new Date(Date.UTC(2023, 3, 20)) });
      const named = namedFigures(unwrap(env.documents[0]));
      expect(Object.keys(named)).toHaveLength(30);
      // The fixture's figures (test/fixtures/shokai-workbook.ts): each name once, over its cell's text.
      expect(named['jh:m:有効求人数']).toEqual(['6']);
      expect(named['jh:m:手数料収入']).toEqual(['350,000']);
      expect(named['jh:m:常用求人数|国外=はい']).toEqual(['5']);
      expect(named['jh:m:手数料収入|国外=はい']).toEqual(['30,000']);
      expect(named['jh:site:年度就職者数']).toEqual(['8']);
      expect(named['jh:site:うち離職不明者数']).toEqual(['1']);
    });
  });

  it('is updated by 報告書の数字を更新 on its 生成履歴 row: a late placement changes exactly six figures', () => {
    withFakes((env) => {
      createReport(env.SpreadsheetApp.getActiveSpreadsheet(), { kind: 'shokai', now: new Date(Date.UTC(2023, 3, 20)) });
      const document = unwrap(env.documents[0]);
      const before = document.getBody().getText();
      // A late 職業紹介 placement, 国内: applied 5/1, placed 6/1 期間の定めなし 無期, 手数料 80,000. By hand:
      // 新規求職申込件数 10 → 11, 常用就職件数 5 → 6, 無期雇用就職件数 4 → 5, 手数料収入 350,000 → 430,000,
      // 年度就職者数 8 → 9, 無期雇用就職者数 5 → 6; 有効求職者数 stays 2 (the placement ends that 求職).
      const header = SHOKAI_CANDIDATES[0] as string[];
      const row: unknown[] = header.map(() => '');
      const set = (column: string, value: unknown) => {
        row[header.indexOf(column)] = value;
      };
      set('候補者ID', 'SENTINEL_ID14');
      set('氏名', 'SENTINEL_氏名14');
      set('求職申込日', '2022/5/1');
      set('就職日', '2022/6/1');
      set('就職先企業ID', 'SENTINEL_C1');
      set('就職経路', '職業紹介');
      set('雇用期間', '期間の定めなし');
      set('無期雇用', 'はい');
      set('手数料', 80000);
      unwrap(fakeSheet(env, '候補者')).appendRow(row);

      const outcome = updateReport(env.SpreadsheetApp.getActiveSpreadsheet(), { row: 2 });

      expect(outcome).toMatchObject({
        kind: 'updated',
        lines: [
          '数字の更新: 変わった数字 6 件、変わらない数字 24 件',
          '変更 表「新規求職申込件数」の数: 10 → 11',
          '変更 表「常用就職件数」の数: 5 → 6',
          '変更 表「無期雇用就職件数」の数: 4 → 5',
          '変更 表「手数料収入」の数: 350,000 → 430,000',
          '変更 表「年度就職者数」の人数: 8 → 9',
          '変更 表「無期雇用就職者数」の人数: 5 → 6',
        ],
      });
      const named = namedFigures(document);
      expect(named['jh:m:手数料収入']).toEqual(['430,000']);
      expect(named['jh:site:年度就職者数']).toEqual(['9']);
      expect(document.getBody().getText()).toBe(
        before
          .replace('新規求職申込件数\n10', '新規求職申込件数\n11')
          .replace('常用就職件数\n5', '常用就職件数\n6')
          .replace('無期雇用就職件数\n4', '無期雇用就職件数\n5')
          .replace('350,000', '430,000')
          .replace('年度就職者数\n8', '年度就職者数\n9')
          .replace('無期雇用就職者数\n5', '無期雇用就職者数\n6'),
      );
      expect(sheetValues(env, '生成履歴').map((line) => line[2])).toEqual([
        '形式',
        'Google ドキュメント（職業紹介事業報告書）',
        expect.stringContaining('更新'),
      ]);
    });
  });
});
