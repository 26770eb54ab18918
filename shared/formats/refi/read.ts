/**
 * Reading REFI-QDA from any producer: .qdpx projects, bare .qde files and .qdc codebooks.
 *
 * The reader is forgiving about everything the standard leaves loose or producers get
 * wrong (file and folder names, namespaces, GUID case and braces, colours, paths, BOMs,
 * unknown elements, `::` hierarchies) and strict about what would corrupt a project:
 * a selection that does not fit its text is reported, never clipped, and everything the
 * file holds but we cannot use is listed in the report with the reason.
 */
import type {
  Attribute, AttributeType, Case, Code, Coder, Coding, DocumentSet, Guid, Memo, MemoTarget, Project, Source, Theme,
} from '../../model/schema';
import { projectSchema } from '../../model/schema';
import { isoNow } from '../../model/context';
import { newGuid, normalizeGuid } from '../../model/ids';
import { nextColor } from '../../model/project';
import { paragraphSpans } from '../../text/compose';
import { contentHash } from '../../text/hash';
import { detectTurns } from '../../import/turns';
import type { ZipArchive } from '../zip';
import { isZip, readZip, ZipError } from '../zip';
import { docxText } from './docx';
import { applyExtras, LANTERN_ENTRY, parseExtras } from './extras';
import type { LanternExtras } from './extras';
import type { PositionMode, SelectionProbe } from './positions';
import { chooseMode, modeLabel, SourceTextMap } from './positions';
import type { ImportReport } from './report';
import { emptyCounts } from './report';
import { plainTextToRich } from '../../model/richtext';
import type { XmlElement } from './xml';
import { child, childrenNamed, decodeXmlBytes, parseXml, XmlError } from './xml';

export class RefiError extends Error {
  override name = 'RefiError';
}

export interface ReadOptions {
  /** Import time recorded on foreign sources; defaults to now. */
  now?: string;
  newId?: () => Guid;
  /**
   * Reads a file outside the archive (relative:// against basePath, absolute paths).
   * Without it such sources are looked for inside the archive only, so a stranger's
   * file cannot pull local files into a project unasked.
   */
  readExternal?: (path: string) => Uint8Array | undefined;
  /**
   * Told where the read has got to, for a progress bar: at the start of each step, and
   * for sources after each one. Steps come in READ_STEPS order (a bare .qde has no unzip,
   * a file without our extras no extras); within a step `done` rises from 0 to `total`.
   * Called on the reading thread, synchronously: keep it cheap.
   */
  onProgress?: (progress: ReadProgress) => void;
}

/** The steps of a read, in the order they happen. */
export const READ_STEPS = ['unzip', 'parse', 'sources', 'codings', 'notes', 'extras', 'check'] as const;
export type ReadStep = (typeof READ_STEPS)[number];

export interface ReadProgress {
  step: ReadStep;
  /** Units of this step finished: sources read, selections placed; 0 or 1 for the single-piece steps. */
  done: number;
  total: number;
}

export interface ReadResult {
  project: Project;
  report: ImportReport;
}

const NON_TEXT_SOURCES: Record<string, string> = {
  PictureSource: 'a picture',
  PDFSource: 'a PDF',
  AudioSource: 'an audio recording',
  VideoSource: 'a video',
};

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
    return readQde(decodeXmlBytes(zip.get(qdeName)!), fileName, opts, zip);
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

/** Text bytes as a string: BOMs dropped, UTF-8 unless a BOM says UTF-16, Windows-1252 when it is not UTF-8 at all. */
function decodeTextFile(bytes: Uint8Array, warn: (w: string) => void, what: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    warn(`${what} is not valid UTF-8; read it as Windows-1252`);
    return decodeWindows1252(body);
  }
}

/** 0x80-0x9F in Windows-1252 (the rest is Latin-1); some runtimes' TextDecoder treats the label as plain Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

function parseDate(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? undefined : isoNow(new Date(ms));
}

/** A colour as #rrggbb from #RGB, #RRGGBB, RRGGBB or rgb(r, g, b); undefined when unreadable. */
export function parseColor(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const v = raw.trim().toLowerCase();
  let m = /^#?([0-9a-f]{6})$/.exec(v);
  if (m) return `#${m[1]}`;
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`;
  m = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(,[^)]*)?\)$/.exec(v);
  if (m) {
    const parts = [m[1], m[2], m[3]].map((n) => Math.min(255, Number(n)).toString(16).padStart(2, '0'));
    return `#${parts.join('')}`;
  }
  return undefined;
}

function parseBool(raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  const v = raw.trim().toLowerCase();
  if (v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1') return true;
  return fallback;
}

const VARIABLE_TYPES: Record<string, AttributeType> = {
  text: 'text', boolean: 'boolean', integer: 'integer', float: 'float', date: 'date', datetime: 'datetime',
};

/**
 * GUIDs as the file spells them -> our ids. GUIDs are global in a REFI file, but NVivo
 * reuses a code's GUID for its case and some tools write broken ones; either gets a fresh id.
 */
class IdMap {
  private readonly used = new Set<string>();
  private readonly byKind = new Map<string, Map<string, Guid>>();

  constructor(
    private readonly newId: () => Guid,
    private readonly warn: (w: string) => void,
  ) {}

  static key(raw: string | undefined): string {
    if (!raw) return '';
    return normalizeGuid(raw) ?? raw.trim().toLowerCase();
  }

  assign(kind: string, raw: string | undefined): Guid {
    // What key() and normalizeGuid would each work out, computed once: this runs for every item of the file.
    const normalized = raw ? normalizeGuid(raw) : null;
    const key = raw ? (normalized ?? raw.trim().toLowerCase()) : '';
    let map = this.byKind.get(kind);
    if (!map) {
      map = new Map<string, Guid>();
      this.byKind.set(kind, map);
    }
    let id = normalized;
    if (!id) {
      if (raw) this.warn(`${kind} GUID "${raw}" is not a valid GUID; gave it a new one`);
      id = this.newId();
    } else if (this.used.has(id)) {
      // Declared twice: references keep pointing at the first.
      if (map.has(key)) this.warn(`${kind} GUID ${raw} is declared more than once; the later one got a new GUID`);
      id = this.newId();
    }
    this.used.add(id);
    if (key && !map.has(key)) map.set(key, id);
    return id;
  }

  lookup(kind: string, raw: string | undefined): Guid | undefined {
    const key = IdMap.key(raw);
    return key ? this.byKind.get(kind)?.get(key) : undefined;
  }
}

interface PendingSelection {
  sourceId: Guid;
  map: SourceTextMap;
  start: number;
  end: number;
  name?: string;
  label: string;
  codings: XmlElement[];
  noteRefs: string[];
  selectionKey: string;
  creatingUser?: string;
  creationDateTime?: string;
  /** ATLAS.ti's quotation comment: becomes a memo on the selection's coding. */
  description?: string;
}

/**
 * Speaker turns and paragraphs of a foreign transcript. The text must stay exactly as
 * the producing tool had it (selections point into it), so turns are used only when
 * they were found in place, without rebuilding the text.
 */
function structureOf(text: string): Pick<Source, 'paragraphs' | 'turns' | 'speakers'> {
  const detected = detectTurns(text).structure;
  if (detected.text === text && looksLikeDialogue(detected.turns))
    return { paragraphs: detected.paragraphs, turns: detected.turns, speakers: detected.speakers };
  return { paragraphs: paragraphSpans(text), turns: [], speakers: [] };
}

/**
 * REFI sources are often not transcripts (comments, papers) whose "Label:" lines only
 * look like speakers. In a conversation most turns change speaker; in those texts the
 * same label repeats line after line.
 */
function looksLikeDialogue(turns: readonly { speaker: string }[]): boolean {
  if (turns.length < 2) return false;
  let changes = 0;
  for (let i = 1; i < turns.length; i++) if (turns[i]!.speaker !== turns[i - 1]!.speaker) changes++;
  return changes / (turns.length - 1) >= 0.4;
}

function countCodings(el: XmlElement): number {
  let n = 0;
  for (const c of el.children) n += c.name === 'Coding' ? 1 : countCodings(c);
  return n;
}

/** The items of a container element (e.g. Users/User); none when the container is absent. */
function items(parent: XmlElement, container: string, name: string): XmlElement[] {
  const c = child(parent, container);
  return c ? childrenNamed(c, name) : [];
}

function basename(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

function joinPath(base: string, rel: string): string {
  if (!base) return rel;
  return `${base.replace(/[\\/]+$/, '')}/${rel.replace(/^[\\/]+/, '')}`;
}

/**
 * Reads a project.qde. `files` is the archive it came in (for sources/ and our extras);
 * a bare .qde has none, so its sources can only come from PlainTextContent.
 */
export function readQde(xml: string, fileName: string, opts: ReadOptions = {}, files?: ZipArchive): ReadResult {
  const now = opts.now ?? isoNow();
  const newId = opts.newId ?? newGuid;
  const progress = opts.onProgress ?? (() => undefined);
  progress({ step: 'parse', done: 0, total: 1 });
  const root = parseRoot(xml, fileName);
  if (root.name === 'CodeBook')
    throw new RefiError(`${fileName} is a REFI-QDA codebook (CodeBook), not a project; import it as a codebook (.qdc)`);
  if (root.name !== 'Project') throw new RefiError(`${fileName} is not a REFI-QDA project: its root element is <${root.name}>, not <Project>`);

  const report: ImportReport = { fileName, counts: emptyCounts(), skipped: [], warnings: [], restoredLanternData: false };
  const warn = (w: string) => {
    if (!report.warnings.includes(w)) report.warnings.push(w);
  };
  const origin = root.attrs.origin?.trim() || undefined;
  if (origin) report.origin = origin;
  if (root.xmlns !== undefined && !/^urn:QDA-XML:project:/i.test(root.xmlns))
    warn(`unexpected namespace "${root.xmlns}"; read the file by element names`);
  if (root.xmlns !== undefined && root.xmlns !== 'urn:QDA-XML:project:1.0' && /^urn:QDA-XML:project:/i.test(root.xmlns))
    warn(`namespace "${root.xmlns}" is a variant of urn:QDA-XML:project:1.0; accepted`);

  // Our own extras, when present, decide how much to trust the rest.
  let extras: LanternExtras | null = null;
  const extrasBytes = files?.get(LANTERN_ENTRY);
  if (extrasBytes) {
    const parsed = parseExtras(new TextDecoder().decode(extrasBytes));
    if ('problem' in parsed) warn(`${parsed.problem}; read the file as any other REFI-QDA project`);
    else extras = parsed.extras;
  }
  const qdeUnchanged = extras !== null && extras.qdeHash === contentHash(xml);
  if (extras && !qdeUnchanged)
    warn('project.qde was changed by another tool since Lantern QDA saved it; restored Lantern-only details where the items still exist');

  const ids = new IdMap(newId, warn);
  const projectCreated = parseDate(root.attrs.creationDateTime) ?? now;
  const isOurs = /lantern/i.test(origin ?? '');
  // Our own values go back exactly as written; other tools' get the stray whitespace they often carry trimmed.
  const tidy = (text: string | undefined) => (isOurs ? (text ?? '') : (text ?? '').trim());
  // An optional description: ours keep even an empty one; other tools' empty <Description/> means none.
  const optionalText = (el: XmlElement | undefined) => (el === undefined ? undefined : isOurs ? el.text : el.text.trim() || undefined);

  // Users
  const coders: Coder[] = [];
  for (const u of items(root, 'Users', 'User')) {
    if (ids.lookup('User', u.attrs.guid)) continue;
    const id = ids.assign('User', u.attrs.guid);
    coders.push({ id, name: tidy(u.attrs.name) || tidy(u.attrs.id) || `User ${coders.length + 1}` });
  }

  // Where each Note hangs: the first element that points at it.
  const noteTargets = new Map<string, MemoTarget>();
  const pointNotes = (el: XmlElement, target: MemoTarget) => {
    for (const ref of childrenNamed(el, 'NoteRef')) {
      const key = IdMap.key(ref.attrs.targetGUID);
      if (!key) continue;
      if (noteTargets.has(key)) warn(`note ${ref.attrs.targetGUID} is attached to several items; kept its first`);
      else noteTargets.set(key, target);
    }
  };

  // Codes
  const codes = readCodeTree(child(child(root, 'CodeBook') ?? root, 'Codes'), ids, tidy, projectCreated, warn, pointNotes);
  if (!isOurs) unflattenHierarchy(codes, newId, warn, projectCreated);

  // Variables
  const attributes: Attribute[] = [];
  for (const v of items(root, 'Variables', 'Variable')) {
    const id = ids.assign('Variable', v.attrs.guid);
    const type = VARIABLE_TYPES[(v.attrs.typeOfVariable ?? 'Text').trim().toLowerCase()] ?? 'text';
    const attr: Attribute = { id, name: tidy(v.attrs.name) || `Variable ${attributes.length + 1}`, type };
    const description = optionalText(child(v, 'Description'));
    if (description !== undefined) attr.description = description;
    attributes.push(attr);
  }
  const readValues = (el: XmlElement, into: Record<string, string>) => {
    for (const vv of childrenNamed(el, 'VariableValue')) {
      const attrId = ids.lookup('Variable', child(vv, 'VariableRef')?.attrs.targetGUID);
      const valueEl = vv.children.find((c) => c.name !== 'VariableRef');
      if (!attrId) {
        warn(`a variable value refers to an unknown variable ${child(vv, 'VariableRef')?.attrs.targetGUID ?? ''}; skipped it`);
        continue;
      }
      into[attrId] = tidy(valueEl?.text);
    }
  };

  // Cases
  const cases: Case[] = [];
  const caseOfSource = new Map<string, Guid>();
  for (const c of items(root, 'Cases', 'Case')) {
    const id = ids.assign('Case', c.attrs.guid);
    const kase: Case = { id, name: tidy(c.attrs.name) || `Case ${cases.length + 1}`, values: {} };
    const description = optionalText(child(c, 'Description'));
    if (description !== undefined) kase.description = description;
    readValues(c, kase.values);
    for (const ref of childrenNamed(c, 'SourceRef')) {
      const key = IdMap.key(ref.attrs.targetGUID);
      if (!key) continue;
      if (caseOfSource.has(key)) warn(`a source belongs to several cases; Lantern QDA keeps one case per source (the first, "${cases.find((k) => k.id === caseOfSource.get(key))?.name}")`);
      else caseOfSource.set(key, id);
    }
    cases.push(kase);
  }

  // Sources
  const basePath = root.attrs.basePath ?? '';
  const sources: Source[] = [];
  const savedSources = extras ? new Map(extras.sources.map((x) => [x.id, x])) : undefined;
  /** Sources whose text is the one our extras were saved with. */
  const unchangedTexts = new Set<Guid>();
  const selections: PendingSelection[] = [];
  const wholeSourceCodings: { sourceId: Guid; el: XmlElement; length: number }[] = [];
  const sourcesEl = child(root, 'Sources');
  const findFile = (path: string | undefined): { bytes: Uint8Array; name: string } | undefined => {
    if (!path) return undefined;
    const p = path.trim();
    const m = /^([a-z]+):\/\/(.*)$/i.exec(p);
    const scheme = m ? m[1]!.toLowerCase() : '';
    const rest = m ? m[2]! : p;
    const candidates: string[] = [];
    if (scheme === 'internal') candidates.push(`sources/${rest}`, rest);
    else if (!scheme) candidates.push(`sources/${rest}`, rest);
    for (const name of candidates) {
      const bytes = files?.get(name);
      if (bytes) return { bytes, name };
    }
    // Any entry with the same file name: tools disagree about folders.
    const base = basename(rest).toLowerCase();
    const entry = files?.names.find((n) => basename(n).toLowerCase() === base && !n.endsWith('/'));
    if (entry) return { bytes: files!.get(entry)!, name: entry };
    if (opts.readExternal && scheme !== 'internal') {
      const external =
        scheme === 'relative' ? joinPath(basePath, rest) : scheme === 'absolute' || scheme === 'file' ? rest.replace(/^\/(?=[a-zA-Z]:)/, '') : p;
      const bytes = opts.readExternal(external);
      if (bytes) return { bytes, name: external };
    }
    return undefined;
  };

  const sourceEls = sourcesEl?.children ?? [];
  let sourcesDone = 0;
  progress({ step: 'sources', done: 0, total: sourceEls.length });
  for (const el of sourceEls) {
    if (sourcesDone > 0) progress({ step: 'sources', done: sourcesDone, total: sourceEls.length });
    sourcesDone++;
    const label = el.attrs.name?.trim() || el.attrs.guid || el.name;
    const codingCount = countCodings(el);
    const withCodings = codingCount ? ` (with its ${codingCount} coding${codingCount === 1 ? '' : 's'})` : '';
    if (NON_TEXT_SOURCES[el.name]) {
      report.skipped.push({ kind: el.name, name: label, reason: `${NON_TEXT_SOURCES[el.name]} source; Lantern QDA imports text sources only${withCodings}` });
      continue;
    }
    if (el.name !== 'TextSource') {
      report.skipped.push({ kind: el.name, name: label, reason: 'not a REFI-QDA source element' });
      continue;
    }
    let raw: string | undefined;
    const file = findFile(el.attrs.plainTextPath);
    const inline = child(el, 'PlainTextContent');
    if (file) raw = decodeTextFile(file.bytes, warn, `${label} (${file.name})`);
    else if (inline) raw = inline.text;
    else {
      const rich = findFile(el.attrs.richTextPath);
      if (rich && /\.docx$/i.test(rich.name)) {
        try {
          raw = docxText(rich.bytes, rich.name);
          warn(`"${label}" has no plain-text file; took its text from ${rich.name}, so its selections may not line up exactly`);
        } catch (error) {
          report.skipped.push({ kind: 'TextSource', name: label, reason: `its plain text is missing and its Word file could not be read (${error instanceof Error ? error.message : String(error)})` });
          continue;
        }
      }
    }
    if (raw === undefined) {
      const where = el.attrs.plainTextPath ?? el.attrs.richTextPath;
      report.skipped.push({
        kind: 'TextSource',
        name: label,
        reason: `${where ? `its text file ${where} is not in ${fileName}` : 'it has neither PlainTextContent nor a plainTextPath'}${withCodings}`,
      });
      continue;
    }
    const map = new SourceTextMap(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
    if (!map.matchesWholeNormalization()) warn(`"${label}": Unicode normalisation of its text was done piece by piece to keep selections aligned`);
    const id = ids.assign('Source', el.attrs.guid);
    const text = map.text;
    // Our own sources get their structure back from the extras, if the text is still the one saved; detecting it again would be wasted work.
    const saved = savedSources?.get(id);
    const restoredLater = saved !== undefined && saved.contentHash === contentHash(text);
    if (restoredLater) unchangedTexts.add(id);
    const structure = restoredLater ? { paragraphs: [], turns: [], speakers: [] } : structureOf(text);
    const source: Source = {
      id,
      name: tidy(el.attrs.name) || basename(el.attrs.plainTextPath ?? '') || `Source ${sources.length + 1}`,
      text,
      ...structure,
      format: 'refi',
      importedAt: now,
    };
    const description = optionalText(child(el, 'Description'));
    if (description !== undefined) source.description = description;
    const caseId = caseOfSource.get(IdMap.key(el.attrs.guid));
    if (caseId) source.caseId = caseId;
    const importer = el.attrs.creatingUser ? ids.lookup('User', el.attrs.creatingUser) : undefined;
    if (importer) source.importedBy = importer;
    sources.push(source);
    pointNotes(el, { kind: 'source', id });

    // Attributes on the source itself (QualCoder's file attributes) go onto its case.
    const ownValues: Record<string, string> = {};
    readValues(el, ownValues);
    if (Object.keys(ownValues).length) {
      let kase = source.caseId ? cases.find((k) => k.id === source.caseId) : undefined;
      if (!kase) {
        kase = { id: newId(), name: source.name, values: {} };
        cases.push(kase);
        source.caseId = kase.id;
        warn(`"${source.name}" carries its own variable values; made a case of the same name to hold them`);
      }
      Object.assign(kase.values, ownValues);
    }

    for (const sel of childrenNamed(el, 'PlainTextSelection')) {
      const start = Number(sel.attrs.startPosition);
      const end = Number(sel.attrs.endPosition);
      const pending: PendingSelection = {
        sourceId: id,
        map,
        start,
        end,
        label: `${source.name} ${sel.attrs.startPosition ?? '?'}-${sel.attrs.endPosition ?? '?'}`,
        codings: childrenNamed(sel, 'Coding'),
        noteRefs: childrenNamed(sel, 'NoteRef').map((r) => IdMap.key(r.attrs.targetGUID)).filter(Boolean),
        selectionKey: IdMap.key(sel.attrs.guid),
      };
      if (sel.attrs.name) pending.name = sel.attrs.name;
      if (sel.attrs.creatingUser) pending.creatingUser = sel.attrs.creatingUser;
      if (sel.attrs.creationDateTime) pending.creationDateTime = sel.attrs.creationDateTime;
      const selDescription = child(sel, 'Description')?.text.trim();
      if (selDescription) pending.description = selDescription;
      selections.push(pending);
    }
    for (const c of childrenNamed(el, 'Coding')) wholeSourceCodings.push({ sourceId: id, el: c, length: text.length });
  }

  progress({ step: 'sources', done: sourceEls.length, total: sourceEls.length });
  const placements = selections.length + wholeSourceCodings.length;
  progress({ step: 'codings', done: 0, total: placements });

  // Counting mode for offsets: ours is known; others are chosen from origin and checked against the text.
  let mode: PositionMode = { unit: 'codepoint', crlf: 1 };
  if (selections.length) {
    if (extras && qdeUnchanged && isOurs) {
      report.positions = { mode, label: modeLabel(mode), chosenBy: 'lantern', evidence: 'written by Lantern QDA and unchanged since' };
    } else {
      const probes: SelectionProbe[] = selections.map((s) => ({ map: s.map, start: s.start, end: s.end, ...(s.name ? { name: s.name } : {}) }));
      const choice = chooseMode(origin, probes);
      mode = choice.mode;
      report.positions = { mode, label: modeLabel(mode), chosenBy: choice.chosenBy, evidence: choice.evidence };
    }
  }

  // Coders for codings: the Coding's user, else its selection's, else the project's creator.
  const fallbackCoder = (): Guid => {
    const creator = ids.lookup('User', root.attrs.creatingUserGUID);
    if (creator) return creator;
    if (coders[0]) return coders[0].id;
    const id = newId();
    coders.push({ id, name: origin ? `${origin.split(/\s+/)[0]} user` : 'Imported' });
    warn(`the file names no users; codings were attributed to "${coders[coders.length - 1]!.name}"`);
    return id;
  };
  const coderFor = (...raws: (string | undefined)[]): Guid => {
    for (const raw of raws) {
      if (!raw?.trim()) continue;
      const known = ids.lookup('User', raw);
      if (known) return known;
      const id = ids.assign('User', raw);
      coders.push({ id, name: `User ${IdMap.key(raw).slice(0, 8)}` });
      warn(`codings name a user ${raw} that is not among the file's Users; added them as "User ${IdMap.key(raw).slice(0, 8)}"`);
      return id;
    }
    return fallbackCoder();
  };

  const codings: Coding[] = [];
  const codingOfSelection = new Map<string, Guid>();
  const selectionNotes: { target: MemoTarget; text: string; createdAt: string }[] = [];
  const addCoding = (el: XmlElement, sourceId: Guid, start: number, end: number, where: string, selUser?: string, selDate?: string): Guid | undefined => {
    const codeRaw = child(el, 'CodeRef')?.attrs.targetGUID;
    const codeId = ids.lookup('Code', codeRaw);
    if (!codeId) {
      report.skipped.push({ kind: 'Coding', name: where, reason: `refers to a code ${codeRaw ?? '(none)'} that is not in the codebook` });
      return undefined;
    }
    const id = ids.assign('Coding', el.attrs.guid);
    codings.push({
      id,
      codeId,
      sourceId,
      coderId: coderFor(el.attrs.creatingUser, selUser),
      start,
      end,
      createdAt: parseDate(el.attrs.creationDateTime) ?? parseDate(selDate) ?? projectCreated,
    });
    pointNotes(el, { kind: 'coding', id });
    return id;
  };
  let placed = 0;
  for (const sel of selections) {
    // Every few thousand: a study's tens of thousands of codings take a while, but a call each would be noise.
    if (placed > 0 && placed % 4096 === 0) progress({ step: 'codings', done: placed, total: placements });
    placed++;
    const span = sel.map.map(sel.start, sel.end, mode);
    if ('error' in span) {
      report.skipped.push({ kind: 'PlainTextSelection', name: sel.name || sel.label, reason: `${span.error}; not clipped, left out with its ${sel.codings.length} coding(s)` });
      continue;
    }
    if (span.end <= span.start) {
      report.skipped.push({ kind: 'PlainTextSelection', name: sel.name || sel.label, reason: 'it selects no text' });
      continue;
    }
    if (sel.codings.length === 0)
      report.skipped.push({
        kind: 'PlainTextSelection',
        name: sel.name || sel.label,
        reason: `no code is applied to it, and Lantern QDA keeps coded passages only${sel.description ? ' (its comment became a memo on the source)' : ''}`,
      });
    let first: Guid | undefined;
    for (const c of sel.codings) {
      const id = addCoding(c, sel.sourceId, span.start, span.end, sel.label, sel.creatingUser, sel.creationDateTime);
      first ??= id;
    }
    // A note on a selection belongs to its (first) coding, or to the source when nothing coded it.
    const target: MemoTarget = first ? { kind: 'coding', id: first } : { kind: 'source', id: sel.sourceId };
    for (const key of sel.noteRefs) if (!noteTargets.has(key)) noteTargets.set(key, target);
    if (sel.selectionKey && first) codingOfSelection.set(sel.selectionKey, first);
    if (sel.description) selectionNotes.push({ target, text: sel.description, createdAt: parseDate(sel.creationDateTime) ?? projectCreated });
  }
  for (const w of wholeSourceCodings) addCoding(w.el, w.sourceId, 0, w.length, 'whole source');
  progress({ step: 'codings', done: placements, total: placements });
  progress({ step: 'notes', done: 0, total: 1 });

  // Notes become memos, attached where the file points at them (NoteRef, or a Link from the note).
  const links = items(root, 'Links', 'Link');
  const sourceIds = new Set(sources.map((s) => s.id));
  const codeIdsSet = new Set(codes.map((c) => c.id));
  pointNotes(root, { kind: 'project' });
  const memos: Memo[] = [];
  for (const n of items(root, 'Notes', 'Note')) {
    const key = IdMap.key(n.attrs.guid);
    const id = ids.assign('Note', n.attrs.guid);
    let text = child(n, 'PlainTextContent')?.text;
    if (text === undefined) {
      const file = findFile(n.attrs.plainTextPath);
      if (file) text = decodeTextFile(file.bytes, warn, `note ${n.attrs.name ?? id}`);
    }
    text = (text ?? '').replace(/\r\n?/g, '\n').normalize('NFC');
    let target = noteTargets.get(key);
    if (!target) {
      const link = links.find((l) => IdMap.key(l.attrs.originGUID) === key || IdMap.key(l.attrs.targetGUID) === key);
      const other = link ? (IdMap.key(link.attrs.originGUID) === key ? link.attrs.targetGUID : link.attrs.originGUID) : undefined;
      const otherKey = IdMap.key(other);
      const asCoding = codingOfSelection.get(otherKey);
      const asSource = ids.lookup('Source', other);
      const asCode = ids.lookup('Code', other);
      if (asCoding) target = { kind: 'coding', id: asCoding };
      else if (asSource && sourceIds.has(asSource)) target = { kind: 'source', id: asSource };
      else if (asCode && codeIdsSet.has(asCode)) target = { kind: 'code', id: asCode };
      else if (link) warn(`note "${n.attrs.name ?? id}" is linked to something Lantern QDA did not import; kept it as a project memo`);
    }
    const title = tidy(n.attrs.name) || text.split('\n').find((l) => l.trim())?.trim().slice(0, 60) || 'Note';
    const createdAt = parseDate(n.attrs.creationDateTime) ?? projectCreated;
    const memo: Memo = {
      id,
      title,
      target: target ?? { kind: 'project' },
      body: plainTextToRich(text),
      createdAt,
      modifiedAt: parseDate(n.attrs.modifiedDateTime) ?? createdAt,
    };
    const author = ids.lookup('User', n.attrs.creatingUser);
    if (author) memo.authorId = author;
    const description = child(n, 'Description')?.text.trim();
    if (description) warn(`note "${title}" has a description, which Lantern QDA does not keep: "${description.slice(0, 60)}"`);
    memos.push(memo);
  }

  for (const note of selectionNotes) {
    memos.push({
      id: newId(),
      title: note.text.split('\n')[0]!.slice(0, 60),
      target: note.target,
      body: plainTextToRich(note.text),
      createdAt: note.createdAt,
      modifiedAt: note.createdAt,
    });
  }

  // Sets: groups of codes are themes, groups of sources are document sets.
  const themes: Theme[] = [];
  const documentSets: DocumentSet[] = [];
  const themeIds = new Set(extras?.themes.map((t) => t.id) ?? []);
  const docSetIds = new Set(extras?.documentSets.map((d) => d.id) ?? []);
  for (const s of items(root, 'Sets', 'Set')) {
    readSet(s, ids, themes, documentSets, themeIds, docSetIds, sourceIds, newId, warn, tidy, isOurs);
  }

  let project: Project = {
    meta: {
      id: newId(),
      name: tidy(root.attrs.name) || basename(fileName).replace(/\.(qdpx|qde)$/i, '') || 'Imported project',
      description: tidy(child(root, 'Description')?.text),
      createdAt: projectCreated,
      modifiedAt: parseDate(root.attrs.modifiedDateTime) ?? projectCreated,
    },
    coders,
    sources,
    attributes,
    cases,
    codes,
    codings,
    themes,
    memos,
    documentSets,
    savedQueries: [],
    settings: [],
  };
  const creator = ids.lookup('User', root.attrs.creatingUserGUID);
  if (creator) project.meta.createdBy = creator;
  if (origin) project.meta.origin = origin;
  if (extras) {
    progress({ step: 'extras', done: 0, total: 1 });
    project = applyExtras(project, extras, unchangedTexts);
    report.restoredLanternData = true;
  }
  for (const other of ['Graphs']) if (child(root, other)) warn(`the file's ${other} were not imported; Lantern QDA has no equivalent`);
  const linkCount = links.length;
  if (linkCount) warn(`${linkCount} link(s) between items were used only to attach notes; Lantern QDA has no links`);

  progress({ step: 'check', done: 0, total: 1 });
  const checked = projectSchema.safeParse(project);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new RefiError(`${fileName} could not be turned into a valid project: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  report.counts = {
    sources: project.sources.length,
    codes: project.codes.length,
    codings: project.codings.length,
    users: project.coders.length,
    notes: project.memos.length,
    cases: project.cases.length,
    variables: project.attributes.length,
    sets: project.themes.length + project.documentSets.length,
  };
  return { project, report };
}

function readSet(
  s: XmlElement,
  ids: IdMap,
  themes: Theme[],
  documentSets: DocumentSet[],
  themeIds: ReadonlySet<string>,
  docSetIds: ReadonlySet<string>,
  sourceIds: ReadonlySet<string>,
  newId: () => Guid,
  warn: (w: string) => void,
  tidy: (text: string | undefined) => string,
  keepEmpty = false,
): void {
  const name = tidy(s.attrs.name) || 'Unnamed set';
  const descriptionEl = child(s, 'Description');
  const description = tidy(descriptionEl?.text);
  // The project schema points with targetGUID, the codebook schema with guid.
  const ref = (el: XmlElement) => el.attrs.targetGUID ?? el.attrs.guid;
  const codeIds = childrenNamed(s, 'MemberCode').map((m) => ids.lookup('Code', ref(m))).filter((x): x is Guid => !!x);
  const memberSources = childrenNamed(s, 'MemberSource');
  const srcIds = memberSources.map((m) => ids.lookup('Source', ref(m))).filter((x): x is Guid => !!x && sourceIds.has(x));
  const key = normalizeGuid(s.attrs.guid ?? '');
  const isDocSet = key ? docSetIds.has(key) : false;
  const isTheme = key ? themeIds.has(key) : false;
  const wantsTheme = isTheme || (!isDocSet && (codeIds.length > 0 || memberSources.length === 0));
  const wantsDocSet = isDocSet || (!isTheme && memberSources.length > 0);
  if (childrenNamed(s, 'MemberNote').length) warn(`set "${name}" groups notes, which Lantern QDA cannot group; kept its other members`);
  if (wantsTheme) {
    const theme: Theme = { id: ids.assign('Set', s.attrs.guid), name, definition: description, codeIds, parentId: null, order: themes.length };
    themes.push(theme);
  }
  if (wantsDocSet) {
    const id = wantsTheme ? newId() : ids.assign('Set', s.attrs.guid);
    if (wantsTheme) warn(`set "${name}" groups both codes and sources; made a theme and a document set of the same name`);
    const set: DocumentSet = { id, name, sourceIds: srcIds };
    if (descriptionEl && (description || keepEmpty)) set.description = description;
    documentSets.push(set);
  }
}

/** Nested Code elements (the same in projects and codebooks) as rows, parents before children. */
function readCodeTree(
  codesEl: XmlElement | undefined,
  ids: IdMap,
  tidy: (text: string | undefined) => string,
  createdAt: string,
  warn: (w: string) => void,
  pointNotes: (el: XmlElement, target: MemoTarget) => void,
): Code[] {
  const codes: Code[] = [];
  const walk = (parentEl: XmlElement, parentId: Guid | null) => {
    let order = 0;
    for (const el of childrenNamed(parentEl, 'Code')) {
      const id = ids.assign('Code', el.attrs.guid);
      const code: Code = {
        id,
        name: tidy(el.attrs.name) || 'Unnamed code',
        parentId,
        order: order++,
        color: parseColor(el.attrs.color) ?? nextColor(codes.length),
        definition: tidy(child(el, 'Description')?.text),
        inclusion: '',
        exclusion: '',
        example: '',
        origin: 'deductive',
        codable: parseBool(el.attrs.isCodable, true),
        createdAt,
      };
      if (el.attrs.color && !parseColor(el.attrs.color)) warn(`code "${code.name}" has an unreadable colour "${el.attrs.color}"; gave it a default`);
      codes.push(code);
      pointNotes(el, { kind: 'code', id });
      walk(el, id);
    }
  };
  if (codesEl) walk(codesEl, null);
  return codes;
}

/** ATLAS.ti 8 writes hierarchy as flat "Parent::Child" names; nest them and keep the last part as the name. */
function unflattenHierarchy(codes: Code[], newId: () => Guid, warn: (w: string) => void, createdAt: string): void {
  const flat = codes.filter((c) => c.name.includes('::'));
  for (const code of flat) {
    const parts = code.name.split('::').map((p) => p.trim()).filter(Boolean);
    if (parts.length < 2) continue;
    let parent: Guid | null = code.parentId;
    for (const part of parts.slice(0, -1)) {
      let found = codes.find((c) => c.parentId === parent && c.name === part && c !== code);
      if (!found) {
        found = {
          id: newId(), name: part, parentId: parent, order: codes.filter((c) => c.parentId === parent).length,
          color: code.color, definition: '', inclusion: '', exclusion: '', example: '', origin: 'deductive', codable: false, createdAt,
        };
        codes.push(found);
        warn(`made a category "${part}" to hold "${code.name}", whose name gives it that parent`);
      }
      parent = found.id;
    }
    code.parentId = parent;
    code.name = parts[parts.length - 1]!;
    code.order = codes.filter((c) => c.parentId === parent && c !== code).length;
  }
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
  const report: ImportReport = { fileName, counts: emptyCounts(), skipped: [], warnings: [], restoredLanternData: false };
  const warn = (w: string) => {
    if (!report.warnings.includes(w)) report.warnings.push(w);
  };
  const origin = root.attrs.origin?.trim() || undefined;
  if (origin) report.origin = origin;
  if (root.xmlns !== undefined && root.xmlns !== 'urn:QDA-XML:codebook:1.0')
    warn(`namespace "${root.xmlns}" is not urn:QDA-XML:codebook:1.0; read the file by element names`);
  const ids = new IdMap(newId, warn);
  const isOurs = /lantern/i.test(origin ?? '');
  const codesEl = child(root, 'Codes');
  if (!codesEl) warn('the codebook has no Codes element');
  const tidy = (t: string | undefined) => (isOurs ? (t ?? '') : (t ?? '').trim());
  const codes = readCodeTree(codesEl, ids, tidy, now, warn, () => undefined);
  if (!isOurs) unflattenHierarchy(codes, newId, warn, now);
  const themes: Theme[] = [];
  const documentSets: DocumentSet[] = [];
  for (const s of items(root, 'Sets', 'Set')) {
    readSet(s, ids, themes, documentSets, new Set(), new Set(), new Set(), newId, warn, tidy);
  }
  report.counts.codes = codes.length;
  report.counts.sets = themes.length;
  return { codes, themes, report };
}
