/**
 * `qda query <project.qdpx> --code NAME [--theme NAME] [--where attr=value ...] [--json]`:
 * the coded excerpts of codes or themes, with who said them and where, for reading in a
 * terminal or piping into a script.
 */
import { parseArgs } from 'node:util';
import type { Excerpt, ExcerptFilter, ExcerptSort } from '../../shared/analysis';
import { buildAnalysisIndex, retrieveExcerpts } from '../../shared/analysis';
import type { Command } from '../main';
import { EXIT, usageError } from '../io';
import { readProjectFile } from '../project-file';
import { analysisFilter, resolveCodes, resolveTheme, withAnalysisErrors } from './analysis-args';

const SORTS: ExcerptSort[] = ['source', 'code', 'case', 'coder', 'length'];

function human(excerpts: Excerpt[]): string {
  if (!excerpts.length) return 'No excerpts match.\n';
  const blocks = excerpts.map((e) => {
    const who = [e.speaker, e.caseName && e.caseName !== e.speaker ? e.caseName : null].filter(Boolean).join(', ');
    const attrs = Object.entries(e.attributes).map(([k, v]) => `${k}=${v}`).join(', ');
    const head = `${e.sourceName}${who ? ` - ${who}` : ''}${attrs ? ` (${attrs})` : ''}`;
    const meta = `  [${e.codePath.join(' / ')}; coder ${e.coderName}; ${e.start}-${e.end}${e.exemplar ? '; exemplar' : ''}]`;
    return `${head}\n  "${e.text.replace(/\s*\n+\s*/g, ' ')}"\n${meta}`;
  });
  return `${blocks.join('\n\n')}\n\n${excerpts.length} excerpt${excerpts.length === 1 ? '' : 's'}.\n`;
}

// Every command has this shape (summary, usage, parseArgs); the options and what run() does are its own.
export const command: Command = {
  summary: 'print the coded excerpts of codes or a theme, with source, speaker, case and attributes',
  usage:
    'qda query <project.qdpx> (--code NAME ... | --theme NAME) [--where ATTR=VALUE[,VALUE] ...] [--coder NAME ...] ' +
    '[--text WORDS] [--include-interviewer] [--descendants] [--sort source|code|case|coder|length] [--json]',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        code: { type: 'string', multiple: true },
        theme: { type: 'string' },
        where: { type: 'string', multiple: true },
        coder: { type: 'string', multiple: true },
        text: { type: 'string' },
        'include-interviewer': { type: 'boolean' },
        descendants: { type: 'boolean' },
        sort: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw usageError('give one project file, e.g. qda query study.qdpx --code Housing');
    if (!values.code?.length && !values.theme) throw usageError('name at least one --code or a --theme');
    const sort = (values.sort ?? 'source') as ExcerptSort;
    if (!SORTS.includes(sort)) throw usageError(`--sort must be one of ${SORTS.join(', ')}`);
    const project = await readProjectFile(file);
    const index = buildAnalysisIndex(project);
    const codeIds = resolveCodes(index, values.code ?? [], file);
    const themeId = values.theme ? resolveTheme(index, values.theme, file) : undefined;
    const filter: ExcerptFilter = analysisFilter(index, file, values);
    const excerpts = withAnalysisErrors(file, () =>
      retrieveExcerpts(index, { codeIds, ...(themeId ? { themeId } : {}), includeDescendantCodes: values.descendants ?? false, filter, sort }),
    );
    io.out(values.json ? `${JSON.stringify(excerpts, null, 2)}\n` : human(excerpts));
    return EXIT.ok;
  },
};
