// This file tests which cell values an issue of readWorkbook may show: every column of 候補者 (one person per row) is masked, a plain column of another tab is not.
import type { IssueDraft } from '../../src/core/issues';

const SENTINEL = 'SENTINEL-山田太郎-B9';

/**
 * read-workbook.ts loaded afresh, one copy per test: shownValue builds its set of person-row columns on first use, so
 * each test builds it itself (and a mutation run counts that code as reached by this test, not only by the first test
 * to call it). The copies are loaded before any test runs, as in privacy.test.ts.
 */
const freshCopies: typeof import('../../src/core/read-workbook')[] = [];
beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    jest.resetModules();
    freshCopies.push(await import('../../src/core/read-workbook'));
  }
});
function fresh(): typeof import('../../src/core/read-workbook') {
  const copy = freshCopies.shift();
  if (copy === undefined)
    throw new Error('more tests than fresh copies of read-workbook.ts: raise the count in beforeAll');
  return copy;
}

const SETTINGS = {
  name: '設定',
  values: [
    ['項目', '値'],
    ['団体名', 'NPO'],
    ['対象年度', 2022],
  ],
};

function summary(issues: readonly IssueDraft[]): string[] {
  return issues.map((issue) => `${issue.code} ${issue.tab}!${issue.cell} ${issue.column} ${issue.value}`);
}

describe('readWorkbook: the value an issue shows', () => {
  it('is masked in a 候補者 column that is not person-level by itself (登録日)', () => {
    const { readWorkbook } = fresh();
    const raw = {
      tabs: [
        SETTINGS,
        {
          name: '候補者',
          values: [
            ['候補者ID', '登録日'],
            ['C1', SENTINEL],
          ],
        },
      ],
    };
    expect(summary(readWorkbook(raw, { tabs: ['candidates'] }).issues)).toEqual([
      'invalid_date 候補者!B2 登録日 ＊＊＊',
    ]);
  });

  it('is shown as typed in a plain column of another tab (費用.金額)', () => {
    const { readWorkbook } = fresh();
    const raw = {
      tabs: [
        SETTINGS,
        {
          name: '費用',
          values: [
            ['日付', '事業内容', '費目', '金額'],
            ['2022/4/1', '育成事業', '人件費', SENTINEL],
          ],
        },
      ],
    };
    expect(summary(readWorkbook(raw, { tabs: ['costs'] }).issues)).toEqual([`invalid_number 費用!D2 金額 ${SENTINEL}`]);
  });
});
