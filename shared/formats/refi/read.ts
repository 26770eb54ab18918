/**
 * Reading REFI-QDA from any producer: .qdpx projects, bare .qde files and .qdc codebooks.
 *
 * The reader is forgiving about everything the standard leaves loose or producers get
 * wrong (file and folder names, namespaces, GUID case and braces, colours, paths, BOMs,
 * unknown elements, `::` hierarchies) and strict about what would corrupt a project:
 * a selection that does not fit its text is reported, never clipped, and everything the
 * file holds but we cannot use is kept as it is to be written back (reader/preserve.ts),
 * or, when even that is impossible, listed in the report with the reason.
 *
 * A project is read by the stages in reader/, in order, over one shared context.
 */
import type { Code, Project, Theme } from '../../model/schema';
import { projectSchema } from '../../model/schema';
import { isoNow } from '../../model/context';
import { newGuid } from '../../model/ids';
import { isZip, readZip, ZipError } from '../zip';
import type { ImportReport } from './report';
import type { XmlElement } from './xml';
import { child, decodeXmlBytes, parseXml, XmlError } from './xml';
import type { ReadContext, ReadOptions } from './reader/context';
import { basename, IdMap, items, newContext, newReport, parseDate, RefiError, tidy, warner } from './reader/context';
import { readHeader } from './reader/header';
import { readUsers } from './reader/users';
import { readCodes, readCodeTree, unflattenHierarchy } from './reader/codes';
import { markCaseMembers, readCases, readVariables } from './reader/cases';
import { readSources } from './reader/sources';
import { readSelections } from './reader/selections';
import { readNotes } from './reader/notes';
import { readSet, readSets } from './reader/sets';
import { restoreExtras } from './reader/extras';
import { preserveRest } from './reader/preserve';

export { RefiError, READ_STEPS } from './reader/context';
export type { ReadOptions, ReadProgress, ReadStep } from './reader/context';
export { parseColor } from './reader/codes';

export interface ReadResult {
  project: Project;
  report: ImportReport;
}

/**
 * A .qdpx (zip) or a bare .qde (XML), whichever the bytes are. The file name is only for
 * messages; it may also come as `{ fileName }` with the options.
 */
export function readQdpx(bytes: Uint8Array, fileNameOrOptions: string | (ReadOptions & { fileName?: string }) = 'project.qdpx', options: ReadOptions = {}): ReadResult {
  const opts = typeof fileNameOrOptions === 'string' ? options : { ...fileNameOrOptions, ...options };
  const fileName = typeof fileNameOrOptions === 'string' ? fileNameOrOptions : (fileNameOrOptions.fileName ?? 'project.qdpx');
  if (bytes.length === 0) throw new RefiError(`${fileName} is empty`);
  if (!isZip(bytes)) {
    if (looksLikeXml(bytes)) return readQde(decodeXmlBytes(bytes), fileName, opts);
    throw new RefiError(`${fileName} is neither a REFI-QDA project (.qdpx zip) nor a project.qde XML file`);
  }
  try {
    opts.onProgress?.({ step: 'unzip', done: 0, total: 1 });
    const zip = readZip(bytes, fileName);
    // ATLAS.ti names the file after the project; prefer project.qde, then the shallowest .qde.
    const qdeName =
      zip.find('project.qde') ??
      zip.names.filter((n) => n.toLowerCase().endsWith('.qde')).sort((a, b) => a.split('/').length - b.split('/').length || a.length - b.length)[0];
    if (!qdeName) throw new RefiError(`${fileName} holds no project.qde (entries: ${zip.names.slice(0, 10).join(', ') || 'none'})`);
    return readQde(decodeXmlBytes(zip.get(qdeName)!), fileName, opts, zip, qdeName);
  } catch (error) {
    // Entries are inflated as they are read, so a damaged or oversized one can surface at any point.
    if (error instanceof ZipError) throw new RefiError(error.message);
    throw error;
  }
}

function looksLikeXml(bytes: Uint8Array): boolean {
  const head = decodeXmlBytes(bytes.subarray(0, 200)).trimStart();
  return head.startsWith('<');
}

function parseRoot(xml: string, fileName: string): XmlElement {
  try {
    return parseXml(xml, fileName);
  } catch (error) {
    if (error instanceof XmlError) throw new RefiError(error.message);
    throw error;
  }
}

/** The project the stages read, checked against the model. */
function assemble(ctx: ReadContext): Project {
  const { root, rows } = ctx;
  const descriptionEl = child(root, 'Description');
  if (descriptionEl && tidy(ctx, descriptionEl.text)) ctx.used.set(descriptionEl, '');
  const project: Project = {
    meta: {
      id: ctx.newId(),
      name: tidy(ctx, root.attrs.name) || basename(ctx.fileName).replace(/\.(qdpx|qde)$/i, '') || 'Imported project',
      description: tidy(ctx, descriptionEl?.text),
      createdAt: ctx.projectCreated,
      modifiedAt: ctx.projectCreated,
    },
    ...rows,
    savedQueries: [],
    settings: [],
  };
  project.meta.modifiedAt = parseDate(root.attrs.modifiedDateTime) ?? ctx.projectCreated;
  const creator = ctx.ids.lookup('User', root.attrs.creatingUserGUID);
  if (creator) project.meta.createdBy = creator;
  if (ctx.origin) project.meta.origin = ctx.origin;
  return project;
}

/**
 * Reads a project.qde. `files` is the archive it came in (for sources/ and our extras);
 * a bare .qde has none, so its sources can only come from PlainTextContent.
 */
export function readQde(xml: string, fileName: string, opts: ReadOptions = {}, files?: ReturnType<typeof readZip>, qdeEntry?: string): ReadResult {
  opts.onProgress?.({ step: 'parse', done: 0, total: 1 });
  const root = parseRoot(xml, fileName);
  if (root.name === 'CodeBook')
    throw new RefiError(`${fileName} is a REFI-QDA codebook (CodeBook), not a project; import it as a codebook (.qdc)`);
  if (root.name !== 'Project') throw new RefiError(`${fileName} is not a REFI-QDA project: its root element is <${root.name}>, not <Project>`);

  const ctx = newContext(root, fileName, opts, files, qdeEntry);
  readHeader(ctx, xml);
  readUsers(ctx);
  readCodes(ctx);
  readVariables(ctx);
  readCases(ctx);
  readSources(ctx);
  markCaseMembers(ctx);
  const selectionNotes = readSelections(ctx);
  readNotes(ctx, selectionNotes);
  readSets(ctx);
  const project = restoreExtras(ctx, assemble(ctx));
  preserveRest(ctx);
  project.preserved = ctx.rows.preserved;

  ctx.progress({ step: 'check', done: 0, total: 1 });
  const checked = projectSchema.safeParse(project);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new RefiError(`${fileName} could not be turned into a valid project: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  ctx.report.counts = {
    sources: project.sources.length,
    codes: project.codes.length,
    codings: project.codings.length,
    users: project.coders.length,
    notes: project.memos.length,
    cases: project.cases.length,
    variables: project.attributes.length,
    sets: project.themes.length + project.documentSets.length,
  };
  return { project, report: ctx.report };
}

/** A codebook read from a .qdc: codes (with hierarchy) and themes, ready to add to a project. */
export interface CodebookResult {
  codes: Code[];
  themes: Theme[];
  report: ImportReport;
}

export function readQdc(input: Uint8Array | string, fileName = 'codebook.qdc', opts: ReadOptions = {}): CodebookResult {
  const xml = typeof input === 'string' ? input : decodeXmlBytes(input);
  if (!xml.trim()) throw new RefiError(`${fileName} is empty`);
  const root = parseRoot(xml, fileName);
  if (root.name === 'Project') {
    // A project file offered as a codebook: its codebook is what was asked for.
    const { project, report } = readQde(xml, fileName, opts);
    return { codes: project.codes, themes: project.themes, report };
  }
  if (root.name !== 'CodeBook') throw new RefiError(`${fileName} is not a REFI-QDA codebook: its root element is <${root.name}>, not <CodeBook>`);
  const now = opts.now ?? isoNow();
  const newId = opts.newId ?? newGuid;
  const report = newReport(fileName);
  const warn = warner(report);
  const origin = root.attrs.origin?.trim() || undefined;
  if (origin) report.origin = origin;
  if (root.xmlns !== undefined && root.xmlns !== 'urn:QDA-XML:codebook:1.0')
    warn(`namespace "${root.xmlns}" is not urn:QDA-XML:codebook:1.0; read the file by element names`);
  const ids = new IdMap(newId, warn);
  const isOurs = /lantern/i.test(origin ?? '');
  const codesEl = child(root, 'Codes');
  if (!codesEl) warn('the codebook has no Codes element');
  const tidyText = (t: string | undefined) => tidy({ isOurs }, t);
  const codes = readCodeTree(codesEl, { ids, tidy: tidyText, createdAt: now, warn, pointNotes: () => undefined });
  if (!isOurs) unflattenHierarchy(codes, newId, warn, now);
  const themes: Theme[] = [];
  for (const s of items(root, 'Sets', 'Set')) {
    readSet(s, { ids, themes, documentSets: [], themeIds: new Set(), docSetIds: new Set(), sourceIds: new Set(), newId, warn, tidy: tidyText });
  }
  report.counts.codes = codes.length;
  report.counts.sets = themes.length;
  return { codes, themes, report };
}
