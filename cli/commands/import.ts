/** `qda import <project.qdpx> <files or folders...>`: bring transcripts, surveys and other projects into a project. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ColumnMapping, FileReport, ImportFile } from '../../shared/import';
import { extensionOf, importAttributes, importFiles, MAX_FILE_BYTES, SUPPORTED_EXTENSIONS } from '../../shared/import';
import { readQdc, readQdpx } from '../../shared/formats/refi';
import { mergeProject, projectReportText } from '../../shared/merge';
import { applyChanges, isEmpty } from '../../shared/model/changes';
import { isoNow } from '../../shared/model/context';
import { newGuid } from '../../shared/model/ids';
import { emptyProject } from '../../shared/model/project';
import type { Project } from '../../shared/model/schema';
import type { CliIO } from '../io';
import { EXIT, usageError } from '../io';
import type { Command } from '../main';
import { projectOrNew, refuseLossyOverwrite, writeProjectFile } from '../project-file';

const COLUMN_ROLES = ['speaker', 'text', 'time', 'case'] as const;
const PROJECT_EXTENSIONS = new Set(['qdpx', 'qde', 'qdc']);

export function parseColumns(spec: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    const role = part.slice(0, eq).trim().toLowerCase();
    const name = part.slice(eq + 1).trim();
    if (eq < 0 || !name || !(COLUMN_ROLES as readonly string[]).includes(role)) {
      throw usageError(`--columns takes ROLE=COLUMN pairs separated by commas, ROLE one of ${COLUMN_ROLES.join(', ')} (got '${part}')`);
    }
    mapping[role as (typeof COLUMN_ROLES)[number]] = name;
  }
  return mapping;
}

/** A long list of skipped items stays readable; the first ones show what kind of problem it is. */
const SHOWN_SKIPPED = 25;
const number = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${number(n)} ${word}${n === 1 ? '' : 's'}`;

/** Folders are walked for importable files, so a whole folder of transcripts is one command. */
async function expandInputs(inputs: string[]): Promise<{ paths: string[]; missing: FileReport[] }> {
  const paths: string[] = [];
  const missing: FileReport[] = [];
  const known = new Set<string>([...SUPPORTED_EXTENSIONS, ...PROJECT_EXTENSIONS]);
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (known.has(extensionOf(entry.name))) paths.push(full);
    }
  };
  for (const input of inputs) {
    try {
      if ((await stat(input)).isDirectory()) await walk(input);
      else paths.push(input);
    } catch {
      missing.push({ fileName: input, status: 'refused', problem: `${input}: no such file or folder`, warnings: [], sources: [], duplicates: [] });
    }
  }
  return { paths, missing };
}

function fileLine(report: FileReport): string {
  if (report.status === 'refused') return `refused  ${report.problem}\n`;
  const lines: string[] = [];
  if (report.sources.length) {
    const turns = report.sources.reduce((n, s) => n + s.turns, 0);
    const chars = report.sources.reduce((n, s) => n + s.chars, 0);
    const perSpeaker = new Map<string, number>();
    for (const s of report.sources) for (const name of s.speakers) perSpeaker.set(name, (perSpeaker.get(name) ?? 0) + 1);
    const speakers = [...perSpeaker.keys()];
    const speakerText = speakers.length ? `speakers ${speakers.slice(0, 12).join(', ')}${speakers.length > 12 ? `, … (${speakers.length} in all)` : ''}` : 'no speakers (narrative text)';
    const sourcesText = report.sources.length === 1 ? '' : `${plural(report.sources.length, 'source')}, `;
    lines.push(`imported ${report.fileName}: ${sourcesText}${speakerText}; ${plural(turns, 'turn')}, ${plural(chars, 'character')}`);
  }
  for (const d of report.duplicates) lines.push(`skipped  ${report.fileName}: '${d.name}' has the same text as '${d.existing}', already in the project`);
  for (const w of report.warnings) lines.push(`         ${report.fileName}: ${w}`);
  return lines.map((l) => `${l}\n`).join('');
}

function isBlank(project: Project): boolean {
  return !project.sources.length && !project.codes.length && !project.cases.length && !project.codings.length;
}

/** .qdpx and .qdc inputs come in through the REFI-QDA reader and the team merge. */
async function importProjects(project: Project, paths: string[], io: CliIO): Promise<{ project: Project; refused: FileReport[]; imported: boolean }> {
  const refused: FileReport[] = [];
  let imported = false;
  for (const path of paths) {
    try {
      const bytes = new Uint8Array(await readFile(path));
      const isCodebook = extensionOf(path) === 'qdc';
      // readQdpx takes a bare .qde (ATLAS.ti's name for the project XML) as well as the zip.
      const { project: incoming, report: readReport } = isCodebook
        ? (() => {
            const book = readQdc(bytes, path);
            return { project: { ...emptyProject({ id: newGuid(), name: path, now: isoNow() }), codes: book.codes, themes: book.themes }, report: book.report };
          })()
        : readQdpx(bytes, path);
      if (isBlank(project) && !isCodebook) {
        project = incoming;
        io.out(`imported ${path}: ${plural(incoming.sources.length, 'source')}, ${plural(incoming.codes.length, 'code')}, ${plural(incoming.codings.length, 'coding')}\n`);
      } else {
        const ctx = { newId: newGuid, now: isoNow, coderId: project.coders[0]?.id ?? newGuid() };
        const { set, report } = mergeProject(project, incoming, ctx, { incomingLabel: path });
        project = applyChanges(project, set);
        io.out(`merged   ${path}\n${projectReportText(report)}`);
      }
      // What the reader left out (codings of codes the file lacks) must be seen, not just counted away; so must what it
      // keeps without showing (non-text sources), which is written back when the project is saved.
      const kept = readReport.kept ?? [];
      for (const item of kept.slice(0, SHOWN_SKIPPED)) io.out(`         ${path}: kept, not shown: ${item.kind} "${item.name}": ${item.reason}\n`);
      if (kept.length > SHOWN_SKIPPED) io.out(`         ${path}: ... and ${kept.length - SHOWN_SKIPPED} more kept\n`);
      for (const item of readReport.skipped.slice(0, SHOWN_SKIPPED)) io.out(`         ${path}: skipped ${item.kind} "${item.name}": ${item.reason}\n`);
      if (readReport.skipped.length > SHOWN_SKIPPED) io.out(`         ${path}: ... and ${readReport.skipped.length - SHOWN_SKIPPED} more skipped\n`);
      for (const w of readReport.warnings) io.out(`         ${path}: ${w}\n`);
      imported = true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      refused.push({ fileName: path, status: 'refused', problem: message.includes(path) ? message : `${path}: ${message}`, warnings: [], sources: [], duplicates: [] });
    }
  }
  return { project, refused, imported };
}

export const command: Command = {
  summary: 'import transcripts (txt, md, docx, odt, vtt, srt, csv, xlsx), surveys, attributes and REFI-QDA projects (qdpx, qde, qdc) into a project',
  usage:
    'qda import <project.qdpx> <files or folders...> [--attributes attrs.csv [--add-values]] [--columns speaker=NAME,text=NAME,time=NAME,case=NAME] [--force]\n\n' +
    'Creates the project if it does not exist. Row files (.csv/.xlsx) are mapped by recognising the usual column\n' +
    'names (speaker, interlocutor, text, statement, utterance, transcript, timestamp, time, transcript_id); --columns\n' +
    'names them. An attribute value outside the attribute\'s declared values is refused unless --add-values adds it to them.\n' +
    'A project read from another tool\'s file that held something Lantern QDA could not keep is not saved over\n' +
    'that file (the list of what would be left out is printed, exit 2) unless --force is given.\n' +
    'Exit 0 when every file imported, 2 when any was refused (the others are still imported).',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { attributes: { type: 'string' }, columns: { type: 'string' }, 'add-values': { type: 'boolean' }, force: { type: 'boolean' } },
    });
    const [target, ...inputs] = positionals;
    if (!target || (inputs.length === 0 && !values.attributes)) throw usageError('give the project and the files to import, e.g. qda import study.qdpx interviews/');
    if (!target.toLowerCase().endsWith('.qdpx')) throw usageError(`${target}: the project must be a .qdpx file`);
    const columns = values.columns ? parseColumns(values.columns) : undefined;

    const existed = await stat(target).then(() => true, () => false);
    const original = await projectOrNew(target);
    // Before any work: a project that would lose part of its file when saved over it says so first.
    refuseLossyOverwrite(target, original, values.force === true);
    let project = original;
    let changed = false;
    const { paths, missing } = await expandInputs(inputs);
    const projectPaths = paths.filter((p) => PROJECT_EXTENSIONS.has(extensionOf(p)));
    const transcriptPaths = paths.filter((p) => !PROJECT_EXTENSIONS.has(extensionOf(p)));

    const fromProjects = await importProjects(project, projectPaths, io);
    changed ||= fromProjects.project !== project;
    project = fromProjects.project;

    const files: ImportFile[] = [];
    const unreadable: FileReport[] = [];
    for (const path of transcriptPaths) {
      try {
        const { size } = await stat(path);
        // Refused on its size alone, without reading hundreds of megabytes first.
        if (size > MAX_FILE_BYTES) {
          const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
          unreadable.push({ fileName: path, status: 'refused', problem: `${path}: the file is ${mb(size)}; files over ${mb(MAX_FILE_BYTES)} are refused (split it into smaller files)`, warnings: [], sources: [], duplicates: [] });
          continue;
        }
        files.push({ name: path, bytes: new Uint8Array(await readFile(path)) });
      } catch (error) {
        unreadable.push({ fileName: path, status: 'refused', problem: `${path}: could not be read (${(error as Error).message})`, warnings: [], sources: [], duplicates: [] });
      }
    }
    const ctx = { newId: newGuid, now: isoNow, coderId: project.coders[0]?.id ?? newGuid() };
    const { set, report } = await importFiles(project, ctx, files, columns ? { columns } : {});
    if (!isEmpty(set)) {
      project = applyChanges(project, set);
      changed = true;
    }
    for (const file of report.files) io.out(fileLine(file));
    const refused = [...missing, ...unreadable, ...fromProjects.refused, ...report.files.filter((f) => f.status === 'refused')];
    for (const file of [...missing, ...unreadable, ...fromProjects.refused]) io.out(fileLine(file));

    if (values.attributes) {
      try {
        const bytes = new Uint8Array(await readFile(values.attributes));
        const attrs = importAttributes(project, ctx, bytes, values.attributes, { addValues: values['add-values'] === true });
        if (!isEmpty(attrs.set)) {
          project = applyChanges(project, attrs.set);
          changed = true;
        }
        const r = attrs.report;
        io.out(
          `attributes ${values.attributes}: ${plural(r.rowsMatched, 'row')} matched by '${r.keyColumn}'` +
            (r.attributesCreated.length ? `; new attributes ${r.attributesCreated.join(', ')}` : '') +
            (r.casesCreated.length ? `; ${plural(r.casesCreated.length, 'new case')}` : '') +
            '\n',
        );
        for (const u of r.unmatched) io.out(`         ${values.attributes} row ${u.line}: '${u.key}' matches no source or case\n`);
        for (const b of r.badValues) io.out(`         ${values.attributes} row ${b.line}: ${b.key}: ${b.problem}; not stored\n`);
        for (const a of r.valuesAdded) io.out(`         ${values.attributes} row ${a.line}: '${a.value}' added to the values of ${a.attribute}\n`);
        if (!values['add-values'] && r.badValues.some((b) => b.problem.includes(' is not one of the values of ')))
          io.out(`         (a value that is new to the study, such as a third site, can be added to the attribute's values with --add-values)\n`);
        for (const s of r.respelled) io.out(`         ${values.attributes} row ${s.line}: ${s.key}: '${s.value}' stored as '${s.stored}', the declared value of ${s.attribute}\n`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const problem = message.startsWith(values.attributes) ? message : `${values.attributes}: ${message}`;
        refused.push({ fileName: values.attributes, status: 'refused', problem, warnings: [], sources: [], duplicates: [] });
        io.out(`refused  ${problem}\n`);
      }
    }

    const added = project.sources.length - original.sources.length;
    // An empty project file left behind by a failed first import looks like a project that lost its data;
    // a project file that is itself empty (users only) is still a project, and imports as one.
    if (!existed && isBlank(project) && !fromProjects.imported) {
      io.out(`${target}: nothing was imported, so no project was written` + (refused.length ? `; ${plural(refused.length, 'file')} refused` : '') + '\n');
      return EXIT.badInput;
    }
    // A refused batch leaves an existing project file untouched.
    if (changed || !existed) await writeProjectFile(target, project, { force: values.force === true });
    io.out(
      `${target}: ${plural(project.sources.length, 'source')} (${number(added)} new)` +
        (refused.length ? `; ${plural(refused.length, 'file')} refused` : '') +
        '\n',
    );
    return refused.length ? EXIT.badInput : EXIT.ok;
  },
};
