/**
 * Cohen's kappa and percent agreement for two coders who each put every unit in one
 * category. The result keeps the table it was computed from, so a reader can redo it.
 */

export type Label = string | number | boolean;

export interface KappaResult {
  /** (p_o - p_e) / (1 - p_e); NaN when undefined (then `reason` says why). */
  kappa: number;
  /** p_o: the share of units both coders put in the same category. */
  percentAgreement: number;
  /** p_e: the agreement expected by chance from each coder's category shares. */
  expectedAgreement: number;
  /** Units counted. */
  n: number;
  /** Category names, in the order of the table's rows and columns. */
  categories: string[];
  /** table[i][j] = units coder A put in category i and coder B in category j. */
  table: number[][];
  /** Units left out because a coder gave no label (label sequences only). */
  skipped: number;
  reason?: string;
}

/** Why kappa is reported as 1 when both coders used one and the same category throughout. */
export const SINGLE_CATEGORY_REASON =
  'both coders used a single, identical category, so chance agreement is 1 and kappa is 0/0; reported as 1 (complete agreement), as NVivo does';

/** Kappa from a square contingency table (rows: coder A, columns: coder B). */
export function cohenKappa(table: readonly (readonly number[])[], categories?: readonly string[]): KappaResult {
  const k = table.length;
  for (const row of table) {
    if (row.length !== k) throw new RangeError(`a contingency table must be square; got ${k} rows and a row of ${row.length}`);
    for (const cell of row) {
      if (!Number.isFinite(cell) || cell < 0) throw new RangeError(`contingency cells must be non-negative counts; got ${cell}`);
    }
  }
  const names = categories ? [...categories] : table.map((_, i) => String(i));
  if (names.length !== k) throw new RangeError(`${names.length} category names for a ${k}x${k} table`);
  let n = 0;
  let agreed = 0;
  const rowSums = new Array<number>(k).fill(0);
  const colSums = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const cell = table[i]![j]!;
      n += cell;
      rowSums[i]! += cell;
      colSums[j]! += cell;
      if (i === j) agreed += cell;
    }
  }
  const copy = table.map((row) => [...row]);
  if (n === 0) {
    return { kappa: NaN, percentAgreement: NaN, expectedAgreement: NaN, n, categories: names, table: copy, skipped: 0, reason: 'no units to compare' };
  }
  const po = agreed / n;
  let pe = 0;
  for (let i = 0; i < k; i++) pe += (rowSums[i]! / n) * (colSums[i]! / n);
  // Both coders used one and the same category throughout: chance agreement is total,
  // kappa is 0/0. We report 1 (perfect agreement), as NVivo does, and say so.
  if (pe >= 1 - 1e-12) {
    return {
      kappa: 1,
      percentAgreement: po,
      expectedAgreement: 1,
      n,
      categories: names,
      table: copy,
      skipped: 0,
      reason: SINGLE_CATEGORY_REASON,
    };
  }
  return { kappa: (po - pe) / (1 - pe), percentAgreement: po, expectedAgreement: pe, n, categories: names, table: copy, skipped: 0 };
}

function isMissing(label: Label | null | undefined): label is null | undefined {
  return label === null || label === undefined || label === '';
}

/** Kappa from two aligned label sequences; a unit where either label is missing is skipped and counted. */
export function cohenKappaFromLabels(
  a: readonly (Label | null | undefined)[],
  b: readonly (Label | null | undefined)[],
): KappaResult {
  if (a.length !== b.length) throw new RangeError(`coder A has ${a.length} labels and coder B ${b.length}; they must label the same units`);
  const index = new Map<string, number>();
  const names: string[] = [];
  const keyOf = (label: Label) => String(label);
  let skipped = 0;
  const pairs: [number, number][] = [];
  for (let u = 0; u < a.length; u++) {
    const la = a[u];
    const lb = b[u];
    if (isMissing(la) || isMissing(lb)) {
      skipped++;
      continue;
    }
    const ids: number[] = [];
    for (const label of [la, lb]) {
      const key = keyOf(label);
      let i = index.get(key);
      if (i === undefined) {
        i = names.length;
        index.set(key, i);
        names.push(key);
      }
      ids.push(i);
    }
    pairs.push([ids[0]!, ids[1]!]);
  }
  const table = names.map(() => new Array<number>(names.length).fill(0));
  for (const [i, j] of pairs) table[i]![j]!++;
  return { ...cohenKappa(table, names), skipped };
}

/** The share of units with the same label from both coders (units missing a label are skipped). */
export function percentAgreement(a: readonly (Label | null | undefined)[], b: readonly (Label | null | undefined)[]): number {
  return cohenKappaFromLabels(a, b).percentAgreement;
}
