/**
 * Bringing another coder's project into this one as one change set (one undo step).
 * Sources are matched by their text, whatever their file names; codes through the
 * codebook merge; coders by GUID, then name, or as the user maps them. Every incoming
 * row is either placed, recognised as already present, or listed with the reason it
 * could not be placed: nothing disappears without a line in the report. Each kind of
 * row is one stage (stages/), run in the order stages/index.ts gives.
 */
import type { OpContext } from '../model/context';
import type { Project, TableName } from '../model/schema';
import { codebookReportText } from './codebook';
import type { ProjectMergeOptions, ProjectMergeReport, ProjectMergeResult } from './stages';
import { MERGE_STAGES, MergeState } from './stages';

export type { NotPlaced, ProjectMergeMapping, ProjectMergeOptions, ProjectMergeReport, ProjectMergeResult } from './stages';

export function mergeProject(base: Project, incoming: Project, ctx: OpContext, options: ProjectMergeOptions = {}): ProjectMergeResult {
  const m = new MergeState(base, incoming, ctx, options);
  for (const [, stage] of MERGE_STAGES) stage(m);
  return {
    set: { label: `Merge '${m.label}'`, changes: m.changes },
    mapping: m.mapping,
    report: {
      base: base.meta.name,
      incoming: m.label,
      added: m.added,
      updated: m.updated,
      alreadyPresent: m.present,
      coders: m.coderLines,
      sources: m.sourceLines,
      conflicts: m.conflicts,
      notPlaced: m.notPlaced,
      codebook: m.codebookReport!,
    },
  };
}

const ROW_WORDS: Record<TableName, [string, string]> = {
  coders: ['coder', 'coders'],
  sources: ['source', 'sources'],
  codes: ['code', 'codes'],
  codings: ['coding', 'codings'],
  memos: ['memo', 'memos'],
  attributes: ['attribute', 'attributes'],
  cases: ['case', 'cases'],
  themes: ['theme', 'themes'],
  documentSets: ['document set', 'document sets'],
  savedQueries: ['saved query', 'saved queries'],
  settings: ['setting', 'settings'],
  preserved: ['item kept from another tool', 'items kept from another tool'],
};

/** "1 memo", "8 memos", "2 document sets": the report is read by people, not by the table names. */
function rowCount(table: TableName, n: number): string {
  const [one, many] = ROW_WORDS[table];
  return `${n} ${n === 1 ? one : many}`;
}

/** The project merge report as text a person reads. */
export function projectReportText(report: ProjectMergeReport): string {
  const tally = (r: Partial<Record<TableName, number>>) =>
    (Object.entries(r) as [TableName, number][]).map(([t, n]) => rowCount(t, n)).join(', ') || 'nothing';
  const lines = [
    `Merged '${report.incoming}' into '${report.base}'.`,
    `Added: ${tally(report.added)}.`,
    `Updated: ${tally(report.updated)}.`,
    `Already present: ${tally(report.alreadyPresent)}.`,
    'Coders:',
    ...report.coders.map((c) => `  ${c.incoming} -> ${c.mergedAs} (${c.how === 'new' ? 'added' : `matched by ${c.how}`})`),
    'Sources:',
    ...report.sources.map((s) => `  ${s.incoming} -> ${s.mergedAs} (${s.how})`),
  ];
  if (report.conflicts.length > 0) {
    lines.push('Kept as this project has them:');
    for (const c of report.conflicts) lines.push(`  ${c.what}: kept '${c.kept}', incoming '${c.incoming}'`);
  }
  lines.push(report.notPlaced.length > 0 ? 'Not placed:' : 'Everything was placed.');
  for (const n of report.notPlaced) lines.push(`  ${n.what}: ${n.reason}`);
  lines.push('', codebookReportText(report.codebook));
  return `${lines.join('\n')}\n`;
}
