// Tests for 属性 suppression: which figures a report hides so that no printed figure, sum or difference gives a small count.
import { fiscalPeriod } from '../../src/core/fiscal-year';
import { findMetric, type MetricDef } from '../../src/core/metrics';
import { readWorkbook } from '../../src/core/read-workbook';
import { attributeMask, chooseSuppressed, figureKey, planSuppression } from '../../src/core/suppression';
import { rawWorkbook } from '../helpers/raw';

// Atom bits: 難民申請中 1, 難民認定 2, 補完的保護 4, 人道配慮 8, 避難民 16, その他 32, blank 64; all 127.
const 申請中 = 1;
const 認定 = 2;
const 人道 = 8;
const FULL = 127;
const 人道以外 = 1 + 2 + 4 + 16 + 32; // the five other 属性, not blank

/** Seven atom counts from a partial record (unnamed atoms hold 0). */
function atoms(counts: Partial<Record<'申請中' | '認定' | '補完' | '人道' | '避難民' | 'その他' | 'blank', number>>) {
  return [
    counts.申請中 ?? 0,
    counts.認定 ?? 0,
    counts.補完 ?? 0,
    counts.人道 ?? 0,
    counts.避難民 ?? 0,
    counts.その他 ?? 0,
    counts.blank ?? 0,
  ];
}

const sorted = (set: Set<number>): number[] => [...set].sort((a, b) => a - b);

describe('attributeMask', () => {
  it('maps 属性 values (any width or order) to atom bits; no 属性 filter is every atom, blank included', () => {
    expect(attributeMask({})).toBe(FULL);
    expect(attributeMask({ 属性: [] })).toBe(FULL);
    expect(attributeMask({ 属性: ['人道配慮'] })).toBe(人道);
    expect(attributeMask({ 属性: ['難民認定', '難民申請中'] })).toBe(3);
    expect(attributeMask({ 属性: ['難民申請中', '難民認定', '補完的保護', '避難民', 'その他'] })).toBe(人道以外);
    expect(attributeMask({ 属性: ['その他'] })).toBe(32);
  });
});

describe('chooseSuppressed', () => {
  it('the issue’s example: 全体 2 / 人道配慮以外 0 / 人道配慮 2 hides both 属性 figures, keeps the total', () => {
    // Before the fix 人道配慮 alone was hidden and 2 − 0 gave it back.
    expect(sorted(chooseSuppressed([FULL, 人道以外, 人道], atoms({ 人道: 2 }), 3))).toEqual([人道, 人道以外]);
  });

  it('hides a figure whose difference with a union of groups is small (申請中+認定 6, 申請中 5 → 認定 1)', () => {
    expect(sorted(chooseSuppressed([申請中 | 認定, 申請中], atoms({ 申請中: 5, 認定: 1, 人道: 4 }), 3))).toEqual([
      申請中,
    ]);
  });

  it('hides one of two printed groups when the total minus both leaves 1 (10 − 4 − 5)', () => {
    // The smaller of the two goes; 10 − 5 = 5 people of the rest is then no disclosure.
    expect(sorted(chooseSuppressed([FULL, 申請中, 認定], atoms({ 申請中: 4, 認定: 5, 人道: 1 }), 3))).toEqual([申請中]);
    expect(sorted(chooseSuppressed([FULL, 申請中, 認定], atoms({ 申請中: 5, 認定: 4, 人道: 1 }), 3))).toEqual([認定]);
  });

  it('between two figures of the same size, hides the one of the lower atom bit, in whatever order they are written', () => {
    // 8 − 3 − 3 = 2 (人道) is disclosed; hiding either 3 stops it: 申請中 (bit 1) goes, not 認定 (bit 2).
    expect(sorted(chooseSuppressed([FULL, 認定, 申請中], atoms({ 申請中: 3, 認定: 3, 人道: 2 }), 3))).toEqual([申請中]);
    expect(sorted(chooseSuppressed([FULL, 申請中, 認定], atoms({ 申請中: 3, 認定: 3, 人道: 2 }), 3))).toEqual([申請中]);
  });

  it('prints a group of exactly the threshold, and a derived 0', () => {
    expect(sorted(chooseSuppressed([FULL, 申請中, 認定], atoms({ 申請中: 3, 認定: 4 }), 3))).toEqual([]);
    // 申請中 0 is printed: it names no one, and 5 − 0 is the whole group again.
    expect(sorted(chooseSuppressed([FULL, 申請中, 認定], atoms({ 認定: 5 }), 3))).toEqual([]);
  });

  it('follows the threshold: 1 hides nothing, 5 hides 4 and then 6 (10 − 6 = 4)', () => {
    expect(sorted(chooseSuppressed([FULL, 申請中], atoms({ 申請中: 1, 認定: 1 }), 1))).toEqual([]);
    expect(sorted(chooseSuppressed([FULL, 申請中, 認定], atoms({ 申請中: 4, 認定: 6 }), 5))).toEqual([申請中, 認定]);
    expect(sorted(chooseSuppressed([FULL, 申請中, 認定], atoms({ 申請中: 4, 認定: 6 }), 4))).toEqual([]);
  });

  it('counts rows with a blank 属性 in the total only, and protects them like any group', () => {
    // 12 − 5 − 5 = the 2 blank rows: one of the equal groups goes (the first 属性 on a tie).
    expect(sorted(chooseSuppressed([FULL, 申請中, 認定], atoms({ 申請中: 5, 認定: 5, blank: 2 }), 3))).toEqual([
      申請中,
    ]);
    // A small total alone splits nothing: it is never hidden.
    expect(sorted(chooseSuppressed([FULL], atoms({ blank: 2 }), 3))).toEqual([]);
    expect(sorted(chooseSuppressed([FULL, 人道], atoms({ 人道: 1, blank: 1 }), 3))).toEqual([人道]);
  });

  it('hides the smallest figure that stops a derivation, and keeps going while another way remains', () => {
    // Three atoms A, B, C = 1, 5, 6; A = (A+B) − B = (A+C) − C. No single figure stops both ways: the smallest (B)
    // goes first, then C, the smallest whose hiding leaves A underivable from A+B and A+C.
    const [a, b, c] = [1, 2, 4];
    expect(sorted(chooseSuppressed([a | b, b, a | c, c], [1, 5, 6], 3))).toEqual([b, c]);
    // A figure that selects no atom is never the one hidden, even as the smallest.
    expect(sorted(chooseSuppressed([a | b, b, a | c, c, 0], [1, 5, 6], 3))).toEqual([b, c]);
  });

  it('treats a figure written twice as one and ignores a filter that selects no atom', () => {
    expect(sorted(chooseSuppressed([FULL, 人道, 人道, 0], atoms({ 人道: 1, 認定: 4 }), 3))).toEqual([人道]);
  });
});

describe('planSuppression', () => {
  const metric = (id: string): MetricDef => findMetric(id) as MetricDef;
  const workbook = readWorkbook(
    rawWorkbook({
      設定: [
        ['項目', '値'],
        ['団体名', 'テスト'],
        ['対象年度', 2022],
      ],
      候補者: [
        ['候補者ID', '属性', '就職日', '就職経路', '在留資格変更日'],
        ['C1', '人道配慮', '2022/6/1', '職業紹介', '2022/6/1'],
        ['C2', '難民認定', '2022/6/1', '職業紹介', ''],
        ['C3', '難民認定', '2022/6/1', '自己応募', ''],
        ['C4', '難民認定', '2022/6/1', '自己応募', ''],
        ['C5', '', '2022/6/1', '自己応募', ''],
      ],
    }),
  ).workbook;
  const context = { workbook, period: fiscalPeriod(2022) };

  it('keys a figure by metric, other filters (folded, sorted) and 属性 atoms', () => {
    expect(
      figureKey(metric('就職者数'), { 属性: ['難民認定', '人道配慮'], 就職経路: ['職業紹介', '自己応募', '職業紹介'] }),
    ).toBe('就職者数|就職経路=職業紹介,自己応募#10');
    expect(figureKey(metric('Placements'), { 雇用形態: ['ＯＪＴ'], 就職経路: ['その他'] })).toBe(
      '就職者数|就職経路=その他|雇用形態=ojt#127',
    );
  });

  it('plans per metric and per other filters, by figure keys that ignore order and width', () => {
    const figures = [
      { metric: metric('就職者数'), filters: {} },
      { metric: metric('就職者数'), filters: { 属性: ['難民認定'] } },
      { metric: metric('就職者数'), filters: { 就職経路: ['職業紹介'], 属性: ['人道配慮'] } },
      { metric: metric('在留資格変更数'), filters: {} },
      // 難民認定 among 自己応募 is C3 and C4: 2, hidden; among all hires it would be 3 (the other filter counts).
      { metric: metric('就職者数'), filters: { 就職経路: ['自己応募'], 属性: ['難民認定'] } },
    ];
    const hidden = planSuppression(figures, context, 3);
    expect(hidden.has(figureKey(metric('就職者数'), { 就職経路: ['自己応募'], 属性: ['難民認定'] }))).toBe(true);
    // 就職者数: total 5, 難民認定 3; 5 − 3 = 2 (C1 and the blank C5) → 難民認定 hidden.
    // 就職者数|就職経路=職業紹介: 人道配慮 1 hidden (its total is not printed). 在留資格変更数: no split, nothing hidden.
    expect([...hidden].sort()).toEqual(
      [
        figureKey(metric('就職者数'), { 属性: ['難民認定'] }),
        figureKey(metric('就職者数'), { 就職経路: ['職業紹介'], 属性: ['人道配慮'] }),
        figureKey(metric('就職者数'), { 就職経路: ['自己応募'], 属性: ['難民認定'] }),
      ].sort(),
    );
    expect(hidden.has(figureKey(metric('就職者数'), { 属性: ['難民認定'] }))).toBe(true);
    // `就職経路=` with no value selects every row: the same figure, so the same key (else printed unhidden).
    expect(hidden.has(figureKey(metric('就職者数'), { 属性: ['難民認定'], 就職経路: [] }))).toBe(true);
    expect(figureKey(metric('就職者数'), { 就職経路: ['職業紹介', '自己応募'], 属性: ['人道配慮', '難民認定'] })).toBe(
      figureKey(metric('就職者数'), { 属性: ['難民認定', '人道配慮'], 就職経路: ['自己応募', '職業紹介'] }),
    );
  });

  it('never hides a metric without a 属性 split, however small', () => {
    const figures = [
      { metric: metric('在留資格変更数'), filters: {} },
      { metric: metric('参加者数'), filters: {} },
    ];
    expect(planSuppression(figures, context, 3).size).toBe(0);
  });

  it('computes nothing for a group without a 属性 split (no total, no atoms)', () => {
    const real = metric('就職者数');
    const calls: unknown[] = [];
    const counted: MetricDef = {
      ...real,
      compute: (c, filters) => {
        calls.push(filters);
        return real.compute(c, filters);
      },
    };
    const figures = [
      { metric: counted, filters: {} },
      { metric: counted, filters: { 就職経路: ['職業紹介'] } },
    ];
    expect(planSuppression(figures, context, 3).size).toBe(0);
    expect(calls).toEqual([]);
    // With a split: the group's total and each of the six 属性 are computed once, 7 calls.
    planSuppression([{ metric: counted, filters: { 属性: ['人道配慮'] } }], context, 3);
    expect(calls.length).toBe(7);
  });
});

describe('chooseSuppressed, checked against an independent search', () => {
  /** Rank over the reals by floating elimination: a second, separate way to decide what a reader can derive. */
  function rank(rows: number[][]): number {
    const m = rows.map((row) => [...row]);
    let r = 0;
    for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
      const p = m.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
      if (p < 0) continue;
      [m[r], m[p]] = [m[p], m[r]];
      for (let i = 0; i < m.length; i++) {
        if (i === r) continue;
        const f = m[i][c] / m[r][c];
        for (let j = c; j < m[i].length; j++) m[i][j] -= f * m[r][j];
      }
      r++;
    }
    return r;
  }
  const vector = (mask: number, size: number) => Array.from({ length: size }, (_, i) => (mask >> i) & 1);

  it('leaves no derivable set of 1 to threshold−1 people, in 400 seeded random groups of 4 atoms', () => {
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let hiddenSomething = 0;
    for (let round = 0; round < 400; round++) {
      const counts = Array.from({ length: 4 }, () => random(6));
      const cells = [15, ...Array.from({ length: 1 + random(5) }, () => 1 + random(14))];
      const threshold = 2 + random(3);
      const hidden = chooseSuppressed(cells, counts, threshold);
      expect(hidden.has(15)).toBe(false);
      if (hidden.size > 0) hiddenSomething++;
      const shown = [...new Set(cells)].filter((mask) => !hidden.has(mask)).map((mask) => vector(mask, 4));
      const base = rank(shown);
      for (let set = 1; set < 15; set++) {
        const n = counts.reduce((sum, c, i) => ((set >> i) & 1 ? sum + c : sum), 0);
        const derivable = rank([...shown, vector(set, 4)]) === base;
        if (derivable) expect({ set, n, small: n > 0 && n < threshold }).toEqual({ set, n, small: false });
      }
      for (const mask of cells) {
        const n = counts.reduce((sum, c, i) => ((mask >> i) & 1 ? sum + c : sum), 0);
        if (mask !== 15 && n > 0 && n < threshold) expect(hidden.has(mask)).toBe(true);
      }
    }
    expect(hiddenSomething).toBeGreaterThan(100);
  });
});
