/** `qda info <file.qdpx> [--json]`: what a project holds, for a quick look or a script. */
import { parseArgs } from 'node:util';
import { sourceAttributes, speakerNames } from '../../shared/model/project';
import type { Project } from '../../shared/model/schema';
import type { Command } from '../main';
import { EXIT, usageError } from '../io';
import { formatReport } from '../../shared/formats/refi';
import { readProjectWithReport } from '../project-file';

export function projectInfo(project: Project) {
  return {
    name: project.meta.name,
    sources: project.sources.map((source) => ({
      name: source.name,
      speakers: speakerNames(source),
      turns: source.turns.length,
      characters: source.text.length,
      attributes: sourceAttributes(project, source),
    })),
    codes: project.codes.length,
    codings: project.codings.length,
    themes: project.themes.length,
    memos: project.memos.length,
    coders: project.coders.map((c) => c.name),
    cases: project.cases.length,
    documentSets: project.documentSets.length,
  };
}

function human(info: ReturnType<typeof projectInfo>, file: string): string {
  const lines = [
    `${file}: ${info.name}`,
    `  ${info.sources.length} sources, ${info.codes} codes, ${info.codings} codings, ${info.themes} themes, ${info.memos} memos, ${info.cases} cases`,
    `  coders: ${info.coders.join(', ') || '(none)'}`,
  ];
  if (info.sources.length) lines.push('', 'Sources:');
  for (const s of info.sources) {
    const attrs = Object.entries(s.attributes).map(([k, v]) => `${k}=${v}`).join(', ');
    lines.push(
      `  ${s.name}: ${s.characters.toLocaleString('en')} characters, ${s.turns} turns` +
        (s.speakers.length ? ` (${s.speakers.join(', ')})` : '') +
        (attrs ? `; ${attrs}` : ''),
    );
  }
  return `${lines.join('\n')}\n`;
}

export const command: Command = {
  summary: 'show what a project holds: sources with speakers and attributes, codes, codings, themes, memos, coders',
  usage: 'qda info <file.qdpx> [--json]',
  async run(args, io) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw usageError('give one project file, e.g. qda info study.qdpx');
    const { project, report } = await readProjectWithReport(file);
    const info = projectInfo(project);
    if (values.json) io.out(`${JSON.stringify(info, null, 2)}\n`);
    else {
      io.out(human(info, file));
      // Another tool's file: say how it was read and what was left out.
      if (!report.restoredLanternData) io.out(`\n${formatReport(report)}`);
    }
    return EXIT.ok;
  },
};
