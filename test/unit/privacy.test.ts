// This file tests the last wall of privacy.ts: which tabs hold one person per row, and that an issue in a data row of
// such a tab loses its value (a planted sentinel) while issues elsewhere keep theirs.
import type { IssueDraft } from '../../src/core/issues';

const SENTINEL = 'SENTINEL-山田太郎-B5';

/**
 * privacy.ts loaded afresh, one copy per test: the set of person-row tabs is built on first use, so each test builds it
 * itself (and a mutation run counts that code as reached by this test, not only by the first test to call it). The
 * copies are loaded before any test runs: loading inside a test would make a mutation run count every module-level
 * line of src/core as reached by that test alone, and test those lines' mutants with it alone.
 */
const freshCopies: typeof import('../../src/core/privacy')[] = [];
beforeAll(async () => {
  for (let i = 0; i < 4; i++) {
    jest.resetModules();
    freshCopies.push(await import('../../src/core/privacy'));
  }
});
async function fresh(): Promise<typeof import('../../src/core/privacy')> {
  const copy = freshCopies.shift();
  if (copy === undefined) throw new Error('more tests than fresh copies of privacy.ts: raise the count in beforeAll');
  return copy;
}

const draft = (tab: string, cell: string): IssueDraft => ({
  severity: 'error',
  code: 'invalid_date',
  tab,
  cell,
  column: '日付',
  value: SENTINEL,
});

describe('isPersonRowTab', () => {
  it('is true for 候補者 and Candidates, as typed or width- and case-folded, and for no other tab', async () => {
    const { isPersonRowTab } = await fresh();
    expect(['候補者', 'Candidates', ' ＣＡＮＤＩＤＡＴＥＳ ', 'candidates'].map(isPersonRowTab)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['設定', 'Settings', '事業', '費用', 'Costs', '企業', 'イベント', '本文', ''].map(isPersonRowTab)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('hidePersonRowValue', () => {
  it('masks the value of an issue in a data row of 候補者 (row 2 and below), under either tab name', async () => {
    const { hidePersonRowValue } = await fresh();
    expect(hidePersonRowValue(draft('候補者', 'B2')).value).toBe('＊＊＊');
    expect(hidePersonRowValue(draft('Candidates', 'AB10')).value).toBe('＊＊＊');
  });

  it('masks a range whose last row is a data row (A1:C5), even though it opens on the header row', async () => {
    const { hidePersonRowValue } = await fresh();
    expect(hidePersonRowValue(draft('候補者', 'A1:C5')).value).toBe('＊＊＊');
  });

  it('keeps the value of a header-row issue of 候補者 and of any issue of another tab', async () => {
    const { hidePersonRowValue } = await fresh();
    expect(hidePersonRowValue(draft('候補者', 'C1')).value).toBe(SENTINEL);
    expect(hidePersonRowValue(draft('費用', 'A2')).value).toBe(SENTINEL);
    expect(hidePersonRowValue(draft('事業', 'D30')).value).toBe(SENTINEL);
    expect(hidePersonRowValue(draft('Settings', 'B3')).value).toBe(SENTINEL);
  });
});
