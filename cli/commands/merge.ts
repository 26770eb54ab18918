/** `qda merge <a.qdpx> <b.qdpx> [...] -o merged.qdpx`: bring several coders' projects together. */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ProjectMergeReport } from '../../shared/merge';
import { mergeProject, projectReportText } from '../../shared/merge';
import { isoNow } from '../../shared/model/context';
import { applyChanges } from '../../shared/model/changes';
import { newGuid } from '../../shared/model/ids';
import type { Command } from '../main';
import { CliError, EXIT, usageError } from '../io';
import { readProjectFile, writeProjectFile } from '../project-file';

export async function writeReport(path: string, report: unknown): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    throw new CliError(`${path} could not be written: ${(error as Error).message}`);
  }
}

export const command: Command = {
  summary: "merge coders' projects: sources matched by text, codebooks merged, every coding kept and attributed",
  usage: 'qda merge <a.qdpx> <b.qdpx> [...] -o merged.qdpx [--report merge.json]',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { output: { type: 'string', short: 'o' }, report: { type: 'string' } },
    });
    if (positionals.length < 2) throw usageError('give two or more projects, e.g. qda merge ana.qdpx ben.qdpx -o team.qdpx');
    const out = values.output;
    if (!out) throw usageError('say where to write the merged project with -o merged.qdpx');
    if (!out.toLowerCase().endsWith('.qdpx')) throw usageError(`${out}: the merged project must end in .qdpx`);
    // Read everything first, so a bad input stops the merge before anything is written.
    const projects = [];
    for (const file of positionals) projects.push(await readProjectFile(file));
    let merged = projects[0]!;
    const reports: ProjectMergeReport[] = [];
    for (let i = 1; i < projects.length; i++) {
      const ctx = { newId: newGuid, now: isoNow, coderId: merged.coders[0]?.id ?? newGuid() };
      const { set, report } = mergeProject(merged, projects[i]!, ctx, { incomingLabel: positionals[i]! });
      merged = applyChanges(merged, set);
      reports.push(report);
    }
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
