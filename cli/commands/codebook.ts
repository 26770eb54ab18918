/** `qda codebook merge <a> <b> [...] -o merged.qdc`: merge codebooks from .qdc, .qdpx or CSV. */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { readQdc, writeQdc } from '../../shared/formats/refi';
import type { CodebookInput, Resolution } from '../../shared/merge';
import { automaticResolutions, codebookReportText, mergeCodebooks, normalizeName } from '../../shared/merge';
import { isoNow } from '../../shared/model/context';
import { newGuid } from '../../shared/model/ids';
import { nextColor } from '../../shared/model/project';
import type { Code, Guid, Theme } from '../../shared/model/schema';
import type { Command } from '../main';
import { readInputFile, writeFileAtomic } from '../files';
import { CliError, EXIT, usageError } from '../io';
import { readProjectFile } from '../project-file';
import { readCsvRows } from './alpha';
import { DECISION_USAGE, MERGE_OPTIONS, readDecisions, unusedKeys, writeReport } from './merge';

const CSV_COLUMNS = ['name', 'parent', 'definition', 'inclusion', 'exclusion', 'example'] as const;

/** Our codebook CSV: name, parent (a name, or a path "A > B"), definition, inclusion, exclusion, example. */
export async function readCodebookCsv(path: string): Promise<Code[]> {
  const rows = await readCsvRows(path);
  const hasHeader = rows[0]![0]?.toLowerCase() === 'name';
  const index = (col: (typeof CSV_COLUMNS)[number]) => (hasHeader ? rows[0]!.findIndex((h) => h.toLowerCase() === col) : CSV_COLUMNS.indexOf(col));
  const at = (row: string[], col: (typeof CSV_COLUMNS)[number]) => {
    const i = index(col);
    return i >= 0 ? (row[i] ?? '') : '';
  };
  const data = hasHeader ? rows.slice(1) : rows;
  const now = isoNow();
  const codes: Code[] = data.map((row, r) => {
    const name = at(row, 'name');
    if (!name) throw new CliError(`${path}, row ${r + (hasHeader ? 2 : 1)}: a code needs a name`);
    return {
      id: newGuid(),
      name,
      parentId: null,
      order: r,
      color: nextColor(r),
      definition: at(row, 'definition'),
      inclusion: at(row, 'inclusion'),
      exclusion: at(row, 'exclusion'),
      example: at(row, 'example'),
      origin: 'deductive',
      codable: true,
      createdAt: now,
    };
  });
  // Parents may be listed after their children, so they are resolved once every code exists.
  const byName = new Map<string, Code>();
  for (const c of codes) if (!byName.has(normalizeName(c.name))) byName.set(normalizeName(c.name), c);
  data.forEach((row, r) => {
    const parent = at(row, 'parent');
    if (!parent) return;
    const last = parent.split(/\s*>\s*/).pop()!;
    const found = byName.get(normalizeName(last));
    if (!found || found === codes[r]) throw new CliError(`${path}, row ${r + (hasHeader ? 2 : 1)}: the parent '${parent}' is not a code in the file`);
    codes[r]!.parentId = found.id;
  });
  for (const c of codes) {
    for (let p = c.parentId, steps = 0; p; p = codes.find((x) => x.id === p)!.parentId, steps++) {
      if (p === c.id || steps > codes.length) throw new CliError(`${path}: '${c.name}' is its own ancestor`);
    }
  }
  return codes;
}

async function readCodebook(path: string): Promise<CodebookInput & { themes: Theme[] }> {
  const lower = path.toLowerCase();
  const label = basename(path);
  if (lower.endsWith('.csv')) return { label, codes: await readCodebookCsv(path), themes: [] };
  if (lower.endsWith('.qdpx')) {
    const project = await readProjectFile(path);
    return { label, codes: project.codes, themes: project.themes };
  }
  if (lower.endsWith('.qdc') || lower.endsWith('.xml')) {
    const bytes = await readInputFile(path);
    try {
      const { codes, themes } = readQdc(bytes, path);
      return { label, codes, themes };
    } catch (error) {
      const message = (error as Error).message;
      throw new CliError(message.includes(path) ? message : `${path}: ${message}`);
    }
  }
  throw new CliError(`${path}: a codebook must be a .qdc, .qdpx or .csv file`);
}

/** Themes of every codebook, joined by name, their codes followed through the mapping. */
function mergeThemes(books: readonly { themes: Theme[] }[], mapping: readonly Record<Guid, Guid>[]): Theme[] {
  const out: Theme[] = [];
  const themeMap = new Map<Guid, Guid>();
  books.forEach((book, i) => {
    for (const theme of book.themes) {
      const codeIds = theme.codeIds.map((id) => mapping[i]![id]).filter((id): id is Guid => !!id);
      const same = out.find((t) => normalizeName(t.name) === normalizeName(theme.name));
      if (same) {
        for (const id of codeIds) if (!same.codeIds.includes(id)) same.codeIds.push(id);
        if (!same.definition && theme.definition) same.definition = theme.definition;
        themeMap.set(theme.id, same.id);
      } else {
        const id = out.some((t) => t.id === theme.id) ? newGuid() : theme.id;
        themeMap.set(theme.id, id);
        out.push({ ...theme, id, codeIds: [...new Set(codeIds)] });
      }
    }
  });
  for (const t of out) t.parentId = t.parentId ? (themeMap.get(t.parentId) ?? null) : null;
  return out;
}

export const command: Command = {
  summary: 'merge codebooks (.qdc, .qdpx or CSV): match by id, path and name, list conflicts and likely matches',
  usage: `qda codebook merge <a> <b> [...] -o merged.qdc [--report merge.json] ${DECISION_USAGE}`,
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: MERGE_OPTIONS,
    });
    const [action, ...files] = positionals;
    if (action !== 'merge') throw usageError(`unknown codebook action '${action ?? ''}'; try: qda codebook merge a.qdc b.qdc -o merged.qdc`);
    if (files.length < 2) throw usageError('give two or more codebooks, e.g. qda codebook merge ana.qdc ben.csv -o merged.qdc');
    const out = values.output;
    if (!out) throw usageError('say where to write the merged codebook with -o merged.qdc');
    if (!out.toLowerCase().endsWith('.qdc')) throw usageError(`${out}: the merged codebook must end in .qdc`);
    const decisions = await readDecisions(values);
    const books: (CodebookInput & { themes: Theme[] })[] = [];
    for (const file of files) books.push(await readCodebook(file));
    // Without a person to ask, a conflict keeps the first codebook's version unless told
    // otherwise, and is listed either way.
    const merge = (resolutions: Record<string, Resolution>) => {
      try {
        return mergeCodebooks(books, resolutions, { newId: newGuid });
      } catch (error) {
        if (error instanceof RangeError) throw new CliError(`${values.resolutions ?? 'the decisions'}: ${error.message}`);
        throw error;
      }
    };
    let result = merge(decisions.explicit);
    if (decisions.prefer === 'b' || decisions.acceptProposals) result = merge({ ...automaticResolutions(result.entries, decisions), ...decisions.explicit });
    unusedKeys(decisions.explicit, result.entries, values.resolutions);
    const xml = writeQdc({ codes: result.codes, themes: mergeThemes(books, result.mapping) });
    await writeFileAtomic(out, xml);
    if (values.report) await writeReport(values.report, { ...result.report, mapping: result.mapping.map((m, i) => ({ input: books[i]!.label, codes: m })) });
    io.out(codebookReportText(result.report));
    io.out(`Wrote ${out}: ${result.codes.length} codes.\n`);
    return EXIT.ok;
  },
};
