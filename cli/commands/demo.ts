/** `qda demo <file.qdpx>`: write the embedded demo study, to explore the tool or test a pipeline. */
import { parseArgs } from 'node:util';
import { buildDemoProject } from '../../fixtures/demo';
import type { Command } from '../main';
import { EXIT, usageError } from '../io';
import { writeProjectFile } from '../project-file';

export const command: Command = {
  summary: 'write the demo project (a small synthetic LEAD study) to a .qdpx file',
  usage: 'qda demo <file.qdpx>',
  async run(args, io) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw usageError('give one output file, e.g. qda demo demo.qdpx');
    if (!file.toLowerCase().endsWith('.qdpx')) throw usageError(`${file}: the project file must end in .qdpx`);
    const project = buildDemoProject();
    await writeProjectFile(file, project);
    io.out(
      `Wrote ${file}: ${project.sources.length} sources, ${project.codes.length} codes, ${project.codings.length} codings, ` +
        `${project.themes.length} themes, ${project.memos.length} memos, coders ${project.coders.map((c) => c.name).join(' and ')}.\n`,
    );
    return EXIT.ok;
  },
};
