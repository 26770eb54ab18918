/** `qda merge <a.qdpx> <b.qdpx> [...] -o merged.qdpx`: bring several coders' projects together. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { MergeEntry, ProjectMergeOptions, ProjectMergeReport, Resolution } from '../../shared/merge';
import { automaticResolutions, mergeProject, projectReportText } from '../../shared/merge';
import { isoNow } from '../../shared/model/context';
import { applyChanges } from '../../shared/model/changes';
import { newGuid } from '../../shared/model/ids';
import type { Project } from '../../shared/model/schema';
import type { Command } from '../main';
import { readInputFile, writeFileAtomic } from '../files';
import { CliError, EXIT, usageError } from '../io';
import { readProjectFile, writeProjectFile } from '../project-file';

export async function writeReport(path: string, report: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(report, null, 2)}\n`);
}

const resolutionSchema = z.union([
  z.enum(['keep-a', 'keep-b', 'keep-both']).transform((action): Resolution => ({ action })),
  z.discriminatedUnion('action', [
    z.object({ action: z.enum(['keep-a', 'keep-b', 'keep-both']) }),
    z.object({ action: z.literal('edit'), fields: z.object({ name: z.string(), definition: z.string(), inclusion: z.string(), exclusion: z.string(), example: z.string() }).partial() }),
    z.object({ action: z.literal('match'), codeId: z.string().min(1) }),
  ]),
]);
const resolutionsSchema = z.record(z.string().regex(/^\d+:.+$/, 'a key is an entry key from the merge report, e.g. "1:<code id>"'), resolutionSchema);

/**
 * Decisions written by hand, keyed as the merge report's entries are ("1:<code id>"):
 * "keep-a", "keep-b", "keep-both", {"action":"match","codeId":...} or {"action":"edit","fields":{...}}.
 */
export async function readResolutions(path: string): Promise<Record<string, Resolution>> {
  const text = new TextDecoder().decode(await readInputFile(path));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = resolutionsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(`${path}: ${issue.path.length ? `at '${issue.path.join('.')}': ` : ''}${issue.message}`);
  }
  return parsed.data as Record<string, Resolution>;
}

export interface DecisionOptions {
  prefer?: string | undefined;
  'accept-proposals'?: boolean | undefined;
  resolutions?: string | undefined;
}

export const DECISION_USAGE = '[--prefer a|b] [--accept-proposals] [--resolutions decisions.json]';

/** The options both merges take: where to write, the report, and how to decide conflicts. */
export const MERGE_OPTIONS = {
  output: { type: 'string', short: 'o' },
  report: { type: 'string' },
  prefer: { type: 'string' },
  'accept-proposals': { type: 'boolean' },
  resolutions: { type: 'string' },
} as const;

/** How the codebook conflicts and likely matches are to be settled without a person to ask. */
export async function readDecisions(values: DecisionOptions): Promise<{ prefer: 'a' | 'b'; acceptProposals: boolean; explicit: Record<string, Resolution> }> {
  const prefer = values.prefer ?? 'a';
  if (prefer !== 'a' && prefer !== 'b') throw usageError(`--prefer must be 'a' (keep the first file's version of a conflicting code) or 'b' (take the later file's); got '${prefer}'`);
  return { prefer, acceptProposals: !!values['accept-proposals'], explicit: values.resolutions ? await readResolutions(values.resolutions) : {} };
}

/** Keys of a decisions file that no code of the merge answered to: a typo must not pass for a decision. */
export function unusedKeys(explicit: Record<string, Resolution>, entries: readonly MergeEntry[], file: string | undefined): void {
  const keys = new Set(entries.map((e) => e.key));
  const unused = Object.keys(explicit).filter((k) => !keys.has(k));
  if (unused.length > 0) throw new CliError(`${file}: no code of the merge has the key ${unused.map((k) => `'${k}'`).join(', ')}; keys are listed in the report (--report)`);
}

/** Merges once to see the conflicts and proposals, then again with the decisions taken. */
function decidedMerge(base: Project, incoming: Project, ctx: Parameters<typeof mergeProject>[2], options: ProjectMergeOptions, decisions: Awaited<ReturnType<typeof readDecisions>>, file: string | undefined) {
  const attempt = (codeResolutions: Record<string, Resolution>) => {
    try {
      return mergeProject(base, incoming, ctx, { ...options, codeResolutions });
    } catch (error) {
      if (error instanceof RangeError) throw new CliError(`${file ?? 'the decisions'}: ${error.message}`);
      throw error;
    }
  };
  const first = attempt(decisions.explicit);
  if (decisions.prefer === 'a' && !decisions.acceptProposals) return first;
  return attempt({ ...automaticResolutions(first.report.codebook.entries, decisions), ...decisions.explicit });
}

export const command: Command = {
  summary: "merge coders' projects: sources matched by text, codebooks merged, every coding kept and attributed",
  usage: `qda merge <a.qdpx> <b.qdpx> [...] -o merged.qdpx [--report merge.json] ${DECISION_USAGE}`,
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: MERGE_OPTIONS,
    });
    if (positionals.length < 2) throw usageError('give two or more projects, e.g. qda merge ana.qdpx ben.qdpx -o team.qdpx');
    const out = values.output;
    if (!out) throw usageError('say where to write the merged project with -o merged.qdpx');
    if (!out.toLowerCase().endsWith('.qdpx')) throw usageError(`${out}: the merged project must end in .qdpx`);
    // Read everything first, so a bad input stops the merge before anything is written.
    const decisions = await readDecisions(values);
    const projects = [];
    for (const file of positionals) projects.push(await readProjectFile(file));
    let merged = projects[0]!;
    const reports: ProjectMergeReport[] = [];
    for (let i = 1; i < projects.length; i++) {
      const ctx = { newId: newGuid, now: isoNow, coderId: merged.coders[0]?.id ?? newGuid() };
      const { set, report } = decidedMerge(merged, projects[i]!, ctx, { incomingLabel: positionals[i]! }, decisions, values.resolutions);
      merged = applyChanges(merged, set);
      reports.push(report);
    }
    unusedKeys(decisions.explicit, reports.flatMap((r) => r.codebook.entries), values.resolutions);
    await writeProjectFile(out, merged);
    if (values.report) await writeReport(values.report, reports.length === 1 ? reports[0] : reports);
    io.out(reports.map(projectReportText).join('\n'));
    const lost = reports.reduce((n, r) => n + r.notPlaced.length, 0);
    io.out(
      `Wrote ${out}: ${merged.sources.length} sources, ${merged.codes.length} codes, ${merged.codings.length} codings, coders ${merged.coders.map((c) => c.name).join(', ')}.` +
        (lost ? ` ${lost} item(s) could not be placed; see above.` : '') +
        '\n',
    );
    return EXIT.ok;
  },
};
