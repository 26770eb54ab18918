/**
 * `qda deidentify <in.qdpx> -o <out.qdpx> [--names names.csv] [--auto] [--mapping mapping.csv]
 * [--report candidates.json]`: a pseudonymised copy of a project, every coding kept on its
 * words. The input file is only read. The mapping re-identifies people, so it is written
 * only when asked for, and only to its own file.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Candidate, DeidDecision } from '../../shared/deid';
import { NamesCsvError, applyDeidentification, checkCodings, findCandidates, mappingCsv, parseNamesCsv, savedDecisions } from '../../shared/deid';
import { compromiseFinder } from '../../shared/deid/compromise';
import { isoNow } from '../../shared/model/context';
import { newGuid } from '../../shared/model/ids';
import { decodeText } from '../../shared/import/decode';
import { ImportError } from '../../shared/import/errors';
import type { Command } from '../main';
import { readInputFile, writeFileAtomic } from '../files';
import { CliError, EXIT, usageError } from '../io';
import { checkOutputPath } from '../output-file';
import { readProjectFile, writeProjectFile } from '../project-file';

const USAGE = 'qda deidentify <in.qdpx> -o <out.qdpx> [--names names.csv] [--auto] [--mapping mapping.csv] [--report candidates.json]';

async function readNames(path: string) {
  const bytes = await readInputFile(path);
  try {
    return parseNamesCsv(decodeText(bytes, path).text, path);
  } catch (error) {
    if (error instanceof NamesCsvError || error instanceof ImportError) throw new CliError(error.message);
    throw error;
  }
}

/** The candidate list as --report writes it: every hit with its context, for review by hand. */
function report(input: string, candidates: readonly Candidate[], applied: ReadonlySet<string>) {
  return {
    input,
    finder: compromiseFinder.name,
    candidates: candidates.map((c) => ({
      identifier: c.label, category: c.category, pseudonym: c.pseudonym, applied: applied.has(c.key), origins: c.origins, variants: c.variants,
      count: c.hits.length,
      hits: c.hits.map((h) => ({ where: h.where, start: h.start, end: h.end, text: h.text, context: `${h.before}[${h.text}]${h.after}` })),
    })),
  };
}

export const command: Command = {
  summary: 'write a de-identified copy: names, places, phones, dates... replaced by pseudonyms, every coding kept',
  usage: USAGE,
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        names: { type: 'string' },
        auto: { type: 'boolean' },
        mapping: { type: 'string' },
        report: { type: 'string' },
      },
    });
    const [input] = positionals;
    if (!input || positionals.length > 1) throw usageError(`give one project to de-identify\nUsage: ${USAGE}`);
    const out = values.output;
    if (!out) throw usageError('say where to write the de-identified copy with -o copy.qdpx');
    if (resolve(out) === resolve(input)) throw usageError(`${out}: the copy must be a new file; the original is never changed`);
    await checkOutputPath(out, ['qdpx']);
    if (values.mapping) {
      await checkOutputPath(values.mapping, ['csv']);
      if (resolve(values.mapping) === resolve(out)) throw usageError('--mapping must be a file of its own, never the copy');
    }
    if (values.report) await checkOutputPath(values.report, ['json']);
    // Everything is read and checked before anything is written.
    const list = values.names ? await readNames(values.names) : [];
    const project = await readProjectFile(input);
    const saved = savedDecisions(project);
    const candidates = findCandidates(project, { finder: compromiseFinder, list, saved });
    const savedKeys = new Set(saved.map((d) => d.key));
    // --auto takes everything found except what a reviewer already rejected; otherwise only the
    // list (with the forms grouped with its names) and what a reviewer accepted in the app.
    const decisions: DeidDecision[] = candidates.map((c) => ({
      ...c,
      accepted: values.auto ? !(savedKeys.has(c.key) && !c.accepted) : c.origins.includes('list') || (savedKeys.has(c.key) && c.accepted),
    }));
    const applied = new Set(decisions.filter((d) => d.accepted).map((d) => d.key));
    if (values.report) await writeFileAtomic(values.report, `${JSON.stringify(report(input, candidates, applied), null, 2)}\n`);
    io.out(`Found ${candidates.length} identifier${candidates.length === 1 ? '' : 's'} in ${project.sources.length} sources (${compromiseFinder.name}, patterns, the project's names${list.length ? `, ${values.names}` : ''}).\n`);
    if (applied.size === 0 && !values.auto) {
      io.err(
        `qda deidentify: nothing to replace: ${values.report ? `review ${values.report}, ` : 'write the candidates with --report, '}list the names in --names names.csv (identifier, pseudonym, category), or accept everything found with --auto. ${out} was not written.\n`,
      );
      return EXIT.usage;
    }
    const { project: copy, mapping, replaced } = applyDeidentification(project, { decisions, newId: newGuid(), now: isoNow() });
    const check = checkCodings(project, copy, decisions);
    if (check.problems.length > 0) {
      const p = check.problems[0]!;
      throw new CliError(`${input}: ${check.problems.length} coding(s) would not cover the same words (first in ${p.source}: expected "${p.expected}", got "${p.found}"); nothing was written`);
    }
    await writeProjectFile(out, copy);
    if (values.mapping) await writeFileAtomic(values.mapping, mappingCsv(mapping));
    io.out(
      `Replaced ${replaced} occurrence${replaced === 1 ? '' : 's'} of ${applied.size} identifier${applied.size === 1 ? '' : 's'}; ` +
        `all ${check.checked} codings cover the same words.\nWrote ${out} (a new project, id ${copy.meta.id}).\n` +
        (values.mapping ? `Wrote the mapping to ${values.mapping}: it re-identifies participants, keep it apart from the copy.\n` : ''),
    );
    return EXIT.ok;
  },
};
