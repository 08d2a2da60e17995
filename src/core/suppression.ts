// This file defines disclosure control for counts split by 属性: primary and complementary suppression over every
// people figure of one report, so that neither a printed figure nor any sum or difference of printed figures is a
// count of 1 to 秘匿しきい値−1 people of some 属性 groups (what statistics offices do for the cells of a table).
//
// A figure such as {{在留資格変更数|属性=難民認定,人道配慮}} counts the people of a set of "atoms": the six 属性 and
// the rows whose 属性 is blank. Figures of one metric with the same other filters form a group; in a group each
// figure is a 0/1 vector over the atoms and the total (no 属性 filter) is the vector of all ones. A reader can work
// out exactly the atom sets whose vector is a linear combination of the printed vectors; the plan hides figures until
// none of those sets, other than the whole group, holds between 1 and 秘匿しきい値−1 people.
import type { Filters, MetricContext, MetricDef } from './metrics';
import { matchKey } from './read-workbook';
import { CANDIDATE_ATTRIBUTES } from './schema';

export interface Figure {
  readonly metric: MetricDef;
  readonly filters: Filters;
}

/** The atoms: each 属性, then blank (a row with no 属性 is counted by the total, never by a 属性 filter). */
const ATOM_COUNT = CANDIDATE_ATTRIBUTES.length + 1;

/** Which atoms a 属性 filter selects, as bits (bit i = CANDIDATE_ATTRIBUTES[i], the last bit = blank). */
export function attributeMask(filters: Filters): number {
  const values = filters.属性;
  if (!values || values.length === 0) return (1 << ATOM_COUNT) - 1;
  const wanted = new Set(values.map(matchKey));
  let mask = 0;
  CANDIDATE_ATTRIBUTES.forEach((attribute, index) => {
    if (wanted.has(matchKey(attribute))) mask |= 1 << index;
  });
  return mask;
}

/**
 * The group of a figure: its metric and every filter but 属性, folded and sorted so equal filters give equal keys;
 * a filter with no value (`就職経路=`) selects every row, so it is left out like an absent one.
 */
function groupKey(figure: Figure): string {
  const filters = Object.entries(figure.filters)
    .filter(([key, values]) => key !== '属性' && (values as readonly string[]).length > 0)
    .map(([key, values]) => `${key}=${[...new Set((values as readonly string[]).map(matchKey))].sort().join(',')}`)
    .sort();
  return [figure.metric.id, ...filters].join('|');
}

/** Identifies one printed figure: the same metric and filters, written in any order or width, give the same key. */
export function figureKey(metric: MetricDef, filters: Filters): string {
  return `${groupKey({ metric, filters })}#${attributeMask(filters)}`;
}

// --- Linear algebra over the atoms, exact: integers modulo a prime far above any minor of a 0/1 matrix this small ---

const PRIME = 1_000_003;

/** a^(PRIME−2) mod PRIME, the inverse of a (Fermat). */
function inverse(a: number): number {
  let result = 1;
  let base = a;
  for (let exponent = PRIME - 2; exponent > 0; exponent = Math.floor(exponent / 2)) {
    if (exponent % 2 === 1) result = (result * base) % PRIME;
    base = (base * base) % PRIME;
  }
  return result;
}

/** Rows in echelon form, each scaled so that its leading entry (at `pivot`) is 1; entries kept in 0..PRIME−1. */
type Basis = { readonly pivot: number; readonly row: readonly number[] }[];

/** Eliminates the atom set `mask` against the basis; all zeros when it lies in the span of the basis rows. */
function reduce(basis: Basis, mask: number, size: number): number[] {
  const v = Array.from({ length: size }, (_, i) => (mask >> i) & 1);
  for (const { pivot, row } of basis) {
    const factor = PRIME - v[pivot];
    for (let i = 0; i < size; i++) v[i] = (v[i] + factor * row[i]) % PRIME;
  }
  return v;
}

function buildBasis(masks: readonly number[], size: number): Basis {
  const basis: Basis = [];
  for (const mask of masks) {
    const v = reduce(basis, mask, size);
    const pivot = v.findIndex((x) => x !== 0);
    if (pivot < 0) continue;
    const scale = inverse(v[pivot]);
    basis.push({ pivot, row: v.map((x) => (x * scale) % PRIME) });
  }
  return basis;
}

function inSpan(basis: Basis, mask: number, size: number): boolean {
  return reduce(basis, mask, size).every((x) => x === 0);
}

/**
 * Chooses the figures to hide in one group. `cells` are the printed atom sets (bit masks), `atoms` the count of each
 * atom, `threshold` 秘匿しきい値. While some atom set other than the whole group can be worked out from the figures
 * still printed (a printed figure itself, or a sum or difference of them) and holds 1 to threshold−1 people, one
 * more figure is hidden: the smallest whose hiding stops that derivation, else the smallest. So a small figure is
 * hidden first (primary suppression), then what would give it back (complementary). A 0 is printed unless it must be
 * hidden: a zero names no one, but it can complete a difference. The total is never hidden: once every other figure
 * is hidden, the total alone reveals no group.
 */
export function chooseSuppressed(cells: readonly number[], atoms: readonly number[], threshold: number): Set<number> {
  const size = atoms.length;
  const full = (1 << size) - 1;
  const count = (mask: number): number => atoms.reduce((sum, n, i) => ((mask >> i) & 1 ? sum + n : sum), 0);
  const small = (mask: number): boolean => count(mask) > 0 && count(mask) < threshold;
  // Every atom set but the empty one and the whole group, in a fixed order.
  const sets = Array.from({ length: full - 1 }, (_, i) => i + 1);
  const hidden = new Set<number>();
  for (;;) {
    const shown = [...new Set(cells)].filter((mask) => !hidden.has(mask));
    const basis = buildBasis(shown, size);
    const disclosed = sets.find((set) => small(set) && inSpan(basis, set, size));
    if (disclosed === undefined) return hidden;
    const target = disclosed;
    const candidates = shown.filter((mask) => mask !== full && mask !== 0).sort((a, b) => count(a) - count(b) || a - b);
    const stops = candidates.find(
      (mask) =>
        !inSpan(
          buildBasis(
            shown.filter((other) => other !== mask),
            size,
          ),
          target,
          size,
        ),
    );
    hidden.add(stops ?? candidates[0]);
  }
}

/**
 * The figures of one report to hide: `figures` are every figure its templates print (本文 in both languages and
 * 受益対象者の人数), computed for `context`. Only groups with at least one 属性 filter are looked at; a metric that
 * takes no 属性 filter is never hidden. Returns `figureKey`s.
 */
export function planSuppression(
  figures: readonly Figure[],
  context: MetricContext,
  threshold: number,
): ReadonlySet<string> {
  const groups = new Map<string, { figure: Figure; masks: Set<number> }>();
  for (const figure of figures) {
    const key = groupKey(figure);
    const group = groups.get(key) ?? { figure, masks: new Set<number>() };
    group.masks.add(attributeMask(figure.filters));
    groups.set(key, group);
  }
  const full = attributeMask({});
  const hidden = new Set<string>();
  for (const [key, { figure, masks }] of groups) {
    // A group without a 属性 split has nothing to hide (skipped for speed: the plan would hide nothing).
    if ([...masks].every((mask) => mask === full)) continue;
    const others: Filters = { ...figure.filters, 属性: undefined };
    const total = figure.metric.compute(context, others);
    const atoms = CANDIDATE_ATTRIBUTES.map((attribute) =>
      figure.metric.compute(context, { ...others, 属性: [attribute] }),
    );
    atoms.push(total - atoms.reduce((sum, n) => sum + n, 0));
    for (const mask of chooseSuppressed([...masks], atoms, threshold)) hidden.add(`${key}#${mask}`);
  }
  return hidden;
}
