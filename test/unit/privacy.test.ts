// This file tests the last wall of privacy.ts: which tabs hold one person per row, and that an issue in a data row of
// such a tab loses its value (a planted sentinel) while issues elsewhere keep theirs.
import type { IssueDraft } from '../../src/core/issues';

const SENTINEL = 'SENTINEL-山田太郎-B5';

/**
 * privacy.ts loaded afresh: the set of person-row tabs is built on first use, so a test that loads the module anew
 * builds it itself (and a mutation run counts that code as reached by this test, not only by the first test to call it).
 */
async function fresh(): Promise<typeof import('../../src/core/privacy')> {
  jest.resetModules();
  return import('../../src/core/privacy');
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
