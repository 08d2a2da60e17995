// This file tests the match keys of a records column (src/core/column-keys.ts): the keys, and that each column is
// folded once per records array.
import { columnKeys } from '../../src/core/column-keys';

interface Row {
  readonly program: string | null;
  readonly id: unknown;
}

describe('columnKeys', () => {
  const records: readonly Row[] = [
    { program: 'ＯＪＴ 事業', id: 'C1' },
    { program: null, id: 12 },
    { program: ' ojt\u3000事業 ', id: undefined },
    { program: '育成事業', id: 'Ｃ１' },
  ];

  it('folds width, case and spaces of each text, and gives null where the column holds no text', () => {
    expect(columnKeys(records, 'program')).toEqual(['ojt 事業', null, 'ojt 事業', '育成事業']);
    expect(columnKeys(records, 'id')).toEqual(['c1', null, null, 'c1']);
  });

  it('folds a column once per records array: the same call gives back the same array', () => {
    const rows: readonly Row[] = records.map((row) => ({ ...row }));
    const programs = columnKeys(rows, 'program');
    const ids = columnKeys(rows, 'id');
    // A second column of the same records does not replace the first one's keys, and neither is folded again.
    expect(columnKeys(rows, 'program')).toBe(programs);
    expect(columnKeys(rows, 'id')).toBe(ids);
    expect(ids).not.toBe(programs);
    // Another array with the same rows has keys of its own.
    const copy = [...rows];
    expect(columnKeys(copy, 'program')).not.toBe(programs);
    expect(columnKeys(copy, 'program')).toEqual(programs);
  });

  it('gives every row its key past the memo limit of 1,000 distinct texts', () => {
    const many: Row[] = Array.from({ length: 1002 }, (_, index) => ({ program: `Ｐ${index}`, id: null }));
    many.push({ program: 'Ｐ1001', id: null }, { program: 'Ｐ0', id: null });
    const keys = columnKeys(many, 'program');
    expect(keys.length).toBe(1004);
    expect(keys[0]).toBe('p0');
    expect(keys[999]).toBe('p999');
    expect(keys[1000]).toBe('p1000');
    expect(keys[1001]).toBe('p1001');
    expect(keys[1002]).toBe('p1001');
    expect(keys[1003]).toBe('p0');
  });
});
