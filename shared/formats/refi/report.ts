/** What an import brought in, what it left out and why: shown to the user after every import. */
import type { PositionMode } from './positions';

export interface ImportCounts {
  sources: number;
  codes: number;
  codings: number;
  users: number;
  notes: number;
  cases: number;
  variables: number;
  sets: number;
}

export interface SkippedItem {
  /** e.g. "PDFSource", "PlainTextSelection", "Coding". */
  kind: string;
  name: string;
  reason: string;
}

export interface ImportReport {
  fileName: string;
  /** The producing tool as the file names it. */
  origin?: string;
  counts: ImportCounts;
  /** What could not be kept: saving over the file would lose it (the project is marked lossy). */
  skipped: SkippedItem[];
  /** What Lantern QDA does not show but keeps as it is, to write back on save (a PDF source, a Link, ...). */
  kept?: SkippedItem[];
  /** How selection offsets were read; absent when the file has no text selections. */
  positions?: { mode: PositionMode; label: string; chosenBy: 'origin' | 'heuristics' | 'lantern'; evidence: string };
  warnings: string[];
  /** True when our own lantern/project.json restored what REFI-QDA cannot hold. */
  restoredLanternData: boolean;
}

export function emptyCounts(): ImportCounts {
  return { sources: 0, codes: 0, codings: 0, users: 0, notes: 0, cases: 0, variables: 0, sets: 0 };
}

/** A summary stays readable; the full list is in the report object. */
const SHOWN = 25;

/** The report as lines of text for the CLI and the app's import summary. */
export function formatReport(report: ImportReport): string {
  const c = report.counts;
  const lines = [
    `Imported ${report.fileName}${report.origin ? ` (from ${report.origin})` : ''}:`,
    `  ${c.sources} sources, ${c.codes} codes, ${c.codings} codings, ${c.users} users, ${c.notes} notes, ${c.cases} cases, ${c.variables} variables, ${c.sets} sets`,
  ];
  if (report.positions) lines.push(`  Positions read as ${report.positions.label} (${report.positions.chosenBy}): ${report.positions.evidence}`);
  if (report.restoredLanternData) lines.push('  Lantern QDA details (themes, criteria, structure, memos) restored.');
  if (report.skipped.length) {
    lines.push(`  Skipped ${report.skipped.length}:`);
    for (const s of report.skipped.slice(0, SHOWN)) lines.push(`    - ${s.kind} "${s.name}": ${s.reason}`);
    if (report.skipped.length > SHOWN) lines.push(`    ... and ${report.skipped.length - SHOWN} more`);
  }
  if (report.kept?.length) {
    lines.push(`  Kept as it is, not shown, written back on save: ${report.kept.length}:`);
    for (const s of report.kept.slice(0, SHOWN)) lines.push(`    - ${s.kind} "${s.name}": ${s.reason}`);
    if (report.kept.length > SHOWN) lines.push(`    ... and ${report.kept.length - SHOWN} more`);
  }
  for (const w of report.warnings) lines.push(`  Warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
