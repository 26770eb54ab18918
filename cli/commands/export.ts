/** `qda export`: coded excerpts to CSV or Excel, the codebook to Word or REFI-QDA .qdc. */
import { parseArgs } from 'node:util';
import { buildAnalysisIndex, findCode, findTheme, UnknownAttributeError } from '../../shared/analysis';
import { excerptsCsv, excerptsXlsx, excerptTable } from '../../shared/export';
import type { ExcerptTableQuery } from '../../shared/export';
import { writeQdc } from '../../shared/formats/refi';
import { buildCodebookDocx, TemplateError } from '../../shared/report';
import type { Command } from '../main';
import { CliError, EXIT, usageError } from '../io';
import { writeFileAtomic } from '../files';
import { checkOutputPath, readTemplate } from '../output-file';
import { readProjectFile } from '../project-file';

const FORMATS = { csv: 'csv', xlsx: 'xlsx', 'codebook-docx': 'docx', qdc: 'qdc' } as const;
type Format = keyof typeof FORMATS;

export const command: Command = {
  summary: 'export coded excerpts (csv, xlsx) or the codebook (codebook-docx, qdc)',
  usage:
    'qda export <project.qdpx> --format csv|xlsx|codebook-docx|qdc -o FILE [--theme NAME | --code NAME ...] [--template house-style.dotx]',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        theme: { type: 'string' },
        code: { type: 'string', multiple: true },
        template: { type: 'string' },
      },
    });
    const [file] = positionals;
    if (!file || positionals.length > 1)
      throw usageError('give one project file, e.g. qda export study.qdpx --format csv -o excerpts.csv');
    const format = values.format as Format | undefined;
    if (!format || !(format in FORMATS))
      throw usageError(`--format ${values.format ?? '(missing)'}: choose one of ${Object.keys(FORMATS).join(', ')}`);
    const output = values.output;
    if (!output) throw usageError(`give the output file with -o, e.g. -o export.${FORMATS[format]}`);
    if ((values.theme || values.code) && (format === 'codebook-docx' || format === 'qdc'))
      throw usageError('--theme and --code choose excerpts; the codebook is always exported whole');
    if (values.template && format !== 'codebook-docx')
      throw usageError('--template styles a Word document; use it with --format codebook-docx');
    await checkOutputPath(output, [FORMATS[format]]);
    const template = values.template ? await readTemplate(values.template) : undefined;

    const project = await readProjectFile(file);
    let bytes: Uint8Array;
    let summary: string;
    if (format === 'codebook-docx' || format === 'qdc') {
      try {
        bytes =
          format === 'qdc'
            ? new TextEncoder().encode(writeQdc(project))
            : await buildCodebookDocx(project, template ? { template } : {});
      } catch (error) {
        if (error instanceof TemplateError) throw new CliError(error.message);
        throw error;
      }
      summary = `${project.codes.length} codes`;
    } else {
      const index = buildAnalysisIndex(project);
      const query: ExcerptTableQuery = {};
      if (values.theme) {
        const theme = findTheme(index, values.theme);
        if (!theme) throw new CliError(`${file}: no theme named '${values.theme}'`);
        query.themeId = theme.id;
      }
      if (values.code) {
        query.codeIds = values.code.map((name) => {
          const code = findCode(index, name);
          if (!code) throw new CliError(`${file}: no code named '${name}'`);
          return code.id;
        });
      }
      let table;
      try {
        table = excerptTable(index, query);
      } catch (error) {
        if (error instanceof UnknownAttributeError) throw new CliError(`${file}: ${error.message}`);
        throw error;
      }
      bytes = format === 'csv' ? excerptsCsv(table) : await excerptsXlsx(table, { sheetName: project.meta.name });
      summary = `${table.rows.length} coded excerpts`;
    }
    await writeFileAtomic(output, bytes);
    io.out(`Wrote ${output}: ${summary}.\n`);
    return EXIT.ok;
  },
};
