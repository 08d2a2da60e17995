// This file defines the hostile cases of the 職業紹介 data (issue 13): crafted CSV folders whose 求人 tab and new 候補者
// columns hold unreadable, oversized or planted values, run through the CLI's main; each case asserts exact output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloneTabs, columnIndex, listFiles, outputDir, readSampleTabs, runCli, writeCsvFolder } from '../node/support';

const REFUND = '費用!E44: [警告] 「金額」の「-8800」がマイナスです。返金であればこのままで構いません';

/** The sample's tabs with `edit` applied to a copy. */
function sampleWith(edit: (tabs: ReturnType<typeof readSampleTabs>) => void) {
  const tabs = cloneTabs(readSampleTabs());
  edit(tabs);
  return tabs;
}

function set(tabs: ReturnType<typeof readSampleTabs>, tab: string, row: number, header: string, value: string): void {
  tabs[tab][row - 1][columnIndex(tabs, tab, header)] = value;
}

async function validate(name: string, tabs: ReturnType<typeof readSampleTabs>) {
  const cwd = outputDir(name);
  writeCsvFolder(join(cwd, 'wb'), tabs);
  const run = await runCli(['validate', 'wb'], cwd);
  const json = await runCli(['validate', 'wb', '--json'], cwd);
  return { run, json, lines: run.stdout.split('\n').filter((line) => line !== '') };
}

describe('hostile 職業紹介 columns of 候補者: values are never quoted, each cell says what it expects', () => {
  it('unreadable dates, numbers, choices and yes/no in the new columns are exit 1 with masked messages', async () => {
    const tabs = sampleWith((t) => {
      // Row 3 is C0002, a contact who never registered.
      set(t, '候補者', 3, '求職申込日', 'SENTINEL_D 2022/4/1');
      set(t, '候補者', 3, '求職有効期限', '2022/13/45');
      set(t, '候補者', 3, '雇用期間', '<b>SENTINEL_T</b>');
      set(t, '候補者', 3, '離職理由', 'SENTINEL_R'.repeat(1000));
      set(t, '候補者', 3, '手数料', '(SENTINEL_F)');
      set(t, '候補者', 3, '国外', '=SENTINEL_A()');
    });
    const { run, json, lines } = await validate('hostile-shokai-candidates', tabs);
    expect(run.code).toBe(1);
    expect(lines).toEqual([
      '候補者!S3: 「求職申込日」が日付として読めません（例: 2022/4/1、2022-04-01、令和4年4月1日、R4.4.1）',
      '候補者!T3: 「求職有効期限」が日付として読めません（例: 2022/4/1、2022-04-01、令和4年4月1日、R4.4.1）',
      '候補者!U3: 「雇用期間」が選択肢にありません（期間の定めなし / 4か月以上 / 1か月以上4か月未満 / 1か月未満 のいずれか）',
      '候補者!V3: 「離職理由」が選択肢にありません（解雇 / 解雇以外 / 不明 のいずれか）',
      '候補者!W3: 「手数料」が数として読めません（例: 50000、50,000円、50千円）',
      '候補者!X3: 「国外」が「はい」か「いいえ」として読めません（例: はい、いいえ）',
      REFUND,
    ]);
    const everything = `${run.stdout}${run.stderr}${json.stdout}${json.stderr}`;
    expect(everything).not.toContain('SENTINEL');
    expect(everything).not.toContain('2022/13/45');
  });
});

describe('hostile 求人 rows', () => {
  it('a fee in parentheses is a refund-style negative: refused at its cell without the amount', async () => {
    const tabs = sampleWith((t) => set(t, '候補者', 3, '手数料', '(5,000)'));
    const { run, lines } = await validate('hostile-shokai-fee', tabs);
    expect(run.code).toBe(1);
    expect(lines).toEqual(['候補者!W3: 「手数料」は0以上にしてください', REFUND]);
    expect(run.stdout).not.toContain('5,000');
  });

  it('markup, a formula, an overflowing count and an unknown 企業ID are errors at their cells, nothing else', async () => {
    const tabs = sampleWith((t) => {
      // Row 2 is J0001 (K001, 2021-07-19).
      set(t, '求人', 2, '企業ID', 'K999');
      set(t, '求人', 2, '求人数', '9'.repeat(400));
      set(t, '求人', 2, '雇用期間', '<script>x</script>');
      set(t, '求人', 2, '国外', '=HYPERLINK("http://example.invalid")');
      set(t, '求人', 2, '有効期限', '2021/7/18');
      set(t, '求人', 2, '備考', 'SENTINEL_担当者の携帯 090');
    });
    const { run, json, lines } = await validate('hostile-shokai-orders', tabs);
    expect(run.code).toBe(1);
    expect(lines).toEqual([
      '求人!B2: 「企業ID」の「K999」が「企業」タブにありません',
      '求人!D2: 「有効期限」が受理日より前です',
      `求人!E2: 「求人数」の「${'9'.repeat(400)}」は数として読めません（例: 12）`,
      '求人!F2: 「雇用期間」の「<script>x</script>」は選択肢にありません（期間の定めなし / 4か月以上 / 1か月以上4か月未満 / 1か月未満 のいずれか）',
      '求人!H2: 「国外」の「=HYPERLINK("http://example.invalid")」は「はい」か「いいえ」として読めません（例: はい、いいえ）',
      REFUND,
    ]);
    expect(`${run.stdout}${json.stdout}`).not.toContain('SENTINEL');
  });

  it('a planted 備考 and 職種 of 求人 and planted 職業紹介 columns never reach the 事業報告書', async () => {
    const tabs = sampleWith((t) => {
      t.求人.slice(1).forEach((row, index) => {
        row[columnIndex(t, '求人', '備考')] = `SENTINEL_NOTE${index}`;
        row[columnIndex(t, '求人', '職種')] = `SENTINEL_JOB${index}`;
      });
      set(t, '候補者', 26, '離職理由', '不明'); // C0025: a valid change, so the report is made
    });
    const cwd = outputDir('hostile-shokai-report');
    writeCsvFolder(join(cwd, 'wb'), tabs);
    const run = await runCli(['report', 'wb', '--out', 'out', '--format', 'html'], cwd);
    expect(run.code).toBe(0);
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.html']);
    const html = readFileSync(join(cwd, 'out', '事業報告書_2022年度.html'), 'utf8');
    expect(html).not.toContain('SENTINEL');
    expect(`${run.stdout}${run.stderr}`).not.toContain('SENTINEL');
  });

  it('求人 and Job orders in one folder are the same tab: one error naming both', async () => {
    const tabs = sampleWith((t) => {
      t['Job orders'] = t.求人.map((row) => [...row]);
    });
    const { run, lines } = await validate('hostile-shokai-duplicate', tabs);
    expect(run.code).toBe(1);
    expect(lines).toEqual([
      'Job orders!A1: タブ「Job orders」と「求人」は同じタブです（日本語名と英語名、または全角・半角などの違いだけです）。どちらか一方にまとめてください',
      REFUND,
    ]);
  });
});
