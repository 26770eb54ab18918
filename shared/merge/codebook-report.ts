/** After a codebook merge: decisions made without a person (the command line), and the report as text. */
import type { CodebookMergeReport, MergeEntry, Resolution } from './codebook-types';

/**
 * Decisions for a merge nobody is there to make by hand (the command line): conflicts take
 * the later codebook's version of every differing field when `prefer` is 'b', and a new code with likely matches is
 * merged into the best one when `acceptProposals` is set. Built from a first merge's
 * entries; the keys are the entries' keys, so the same merge run again applies them.
 */
export function automaticResolutions(entries: readonly MergeEntry[], choice: { prefer?: 'a' | 'b'; acceptProposals?: boolean }): Record<string, Resolution> {
  const out: Record<string, Resolution> = {};
  for (const e of entries) {
    if (choice.acceptProposals && e.kind === 'new' && e.proposals.length > 0) out[e.key] = { action: 'match', codeId: e.proposals[0]!.codeId };
    else if (choice.prefer === 'b' && e.differences.length > 0) out[e.key] = { action: 'keep-b' };
  }
  return out;
}

/** The merge report as text a person reads: one line per code that is not simply identical. */
export function codebookReportText(report: CodebookMergeReport): string {
  const lines = [
    `Codebook merge of ${report.inputs.map((x) => `${x.label} (${codeCount(x.codes)})`).join(', ')}: ${codeCount(report.merged)}.`,
    `Identical ${report.counts.identical}, matched ${report.counts.matched}, renamed ${report.counts.renamed}, moved ${report.counts.moved}, conflicting ${report.counts.conflicting}, new ${report.counts.new}.`,
  ];
  // New codes with nothing to say are listed together, so the lines that need a reader stand out.
  const plainNew = new Map<string, string[]>();
  for (const e of report.entries) {
    if (e.kind !== 'new' || e.proposals.length > 0 || e.note) continue;
    plainNew.set(e.inputLabel, [...(plainNew.get(e.inputLabel) ?? []), e.path.join(' > ')]);
  }
  // A whole codebook brought in at once (hundreds of codes) would make one unreadable line.
  for (const [label, paths] of plainNew) {
    const shown = paths.length > NEW_CODES_LISTED ? [...paths.slice(0, NEW_CODES_LISTED), `and ${paths.length - NEW_CODES_LISTED} more`] : paths;
    lines.push(`- [new] ${codeCount(paths.length)} from ${label}: ${shown.join('; ')}`);
  }
  for (const e of report.entries) {
    if (e.kind === 'identical' || (e.kind === 'new' && e.proposals.length === 0 && !e.note)) continue;
    const how = e.matchedBy ? ` (matched by ${e.matchedBy})` : '';
    lines.push(`- [${e.kind}] ${e.path.join(' > ')} from ${e.inputLabel}${how}`);
    for (const d of e.differences) lines.push(`    ${d.field}: '${clip(d.a)}' vs '${clip(d.b)}'`);
    if (e.resolution) lines.push(`    resolved: ${e.resolution}`);
    for (const p of e.proposals) lines.push(`    may be '${p.path.join(' > ')}': ${p.why}`);
    if (e.note) lines.push(`    note: ${e.note}`);
  }
  return `${lines.join('\n')}\n`;
}

const NEW_CODES_LISTED = 20;

function codeCount(n: number): string {
  return `${n} ${n === 1 ? 'code' : 'codes'}`;
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 80 ? `${one.slice(0, 77)}...` : one;
}
