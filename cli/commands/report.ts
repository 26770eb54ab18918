/** `qda report`: the theme report as a Word document, from a project file. */
import { parseArgs } from 'node:util';
import {
  attributionWarnings,
  groupingWarnings,
  buildThemeReport,
  ReportError,
  reportOptions,
  savedReportOptions,
  TemplateError,
} from '../../shared/report';
import type { ReportOptions } from '../../shared/report';
import type { Command } from '../main';
import { CliError, EXIT, usageError } from '../io';
import { writeFileAtomic } from '../files';
import { checkOutputPath, readTemplate } from '../output-file';
import { readProjectFile } from '../project-file';
import { rasterize } from '../rasterize';

export const command: Command = {
  summary: 'write the theme report (.docx): a chapter per theme with its codes, counts (by group with --group-by), quotes and a chart',
  usage:
    'qda report <project.qdpx> -o report.docx [--theme NAME ...] [--group-by ATTR] [--quotes N] [--attribution "{role}, {site}"] ' +
    '[--show-source-names] [--no-charts] [--no-codebook] [--title TEXT] [--template house-style.dotx]',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        theme: { type: 'string', multiple: true },
        'group-by': { type: 'string' },
        quotes: { type: 'string' },
        attribution: { type: 'string' },
        'show-source-names': { type: 'boolean' },
        'no-charts': { type: 'boolean' },
        'no-codebook': { type: 'boolean' },
        title: { type: 'string' },
        template: { type: 'string' },
      },
    });
    const [file] = positionals;
    if (!file || positionals.length > 1)
      throw usageError('give one project file, e.g. qda report study.qdpx -o report.docx');
    const output = values.output;
    if (!output) throw usageError('give the report file with -o, e.g. -o report.docx');
    await checkOutputPath(output, ['docx']);
    let quotes: number | undefined;
    if (values.quotes !== undefined) {
      quotes = Number(values.quotes);
      if (!/^\d+$/.test(values.quotes) || quotes > 100)
        throw usageError(`--quotes ${values.quotes}: give a whole number from 0 to 100`);
    }

    const template = values.template ? await readTemplate(values.template) : undefined;
    const project = await readProjectFile(file);
    // Start from what the project remembers from the app's report dialog; flags override it.
    const saved = savedReportOptions(project);
    const options: ReportOptions = reportOptions({
      ...saved,
      ...(values.theme ? { themeIds: values.theme } : {}),
      ...(values['group-by'] !== undefined ? { groupBy: values['group-by'] || null } : {}),
      ...(quotes !== undefined ? { quotesPerTheme: quotes } : {}),
      ...(values.attribution !== undefined ? { attributionTemplate: values.attribution } : {}),
      ...(values['show-source-names'] ? { showSourceNames: true } : {}),
      ...(values['no-charts'] ? { includeCharts: false } : {}),
      ...(values['no-codebook'] ? { includeCodebook: false } : {}),
      ...(values.title !== undefined ? { title: values.title } : {}),
    });
    let bytes: Uint8Array;
    try {
      bytes = await buildThemeReport(project, options, { rasterize, ...(template ? { template } : {}) });
    } catch (error) {
      if (error instanceof ReportError) throw new CliError(`${file}: ${error.message}`);
      if (error instanceof TemplateError) throw new CliError(error.message);
      throw error;
    }
    await writeFileAtomic(output, bytes);
    const themeCount = options.themeIds.length || project.themes.filter((t) => !t.parentId).length;
    io.out(
      `Wrote ${output}: ${themeCount} theme${themeCount === 1 ? '' : 's'}${options.groupBy ? ` by ${options.groupBy}` : ''}, ${(bytes.length / 1024).toFixed(0)} KB.\n`,
    );
    const attributeNames = project.attributes.map((a) => a.name);
    for (const warning of [
      ...attributionWarnings(options.attributionTemplate, attributeNames, options),
      ...groupingWarnings(project, options.groupBy),
    ])
      io.err(`qda report: ${warning}.\n`);
    if (!options.groupBy && project.attributes.length > 0) {
      io.out(
        `Counts are not split by group; add --group-by with one of: ${project.attributes.map((a) => a.name).join(', ')} to compare groups.\n`,
      );
    }
    return EXIT.ok;
  },
};
