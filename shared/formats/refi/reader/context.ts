/**
 * What the stages of a REFI-QDA project read share: the parsed file, the options, the
 * report, the GUID map, and the rows made so far. Each stage (users.ts, codes.ts, ...)
 * reads its part of the file into these and marks the elements it used, so that the
 * preservation stage can keep the rest (preserve.ts).
 */
import type {
  Attribute, Case, Code, Coder, Coding, DocumentSet, Guid, Memo, MemoTarget, Source, Theme,
} from '../../../model/schema';
import type { Preserved } from '../../../model/preserved';
import { isoNow } from '../../../model/context';
import { newGuid, normalizeGuid } from '../../../model/ids';
import type { ZipArchive } from '../../zip';
import type { LanternExtras } from '../extras';
import type { ImportReport, SkippedItem } from '../report';
import { emptyCounts } from '../report';
import type { XmlElement } from '../xml';
import { child, childrenNamed } from '../xml';
import type { SourceTextMap } from '../positions';

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

/**
 * GUIDs as the file spells them -> our ids. GUIDs are global in a REFI file, but NVivo
 * reuses a code's GUID for its case and some tools write broken ones; either gets a fresh id.
 */
export class IdMap {
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

export interface PendingSelection {
  sourceId: Guid;
  el: XmlElement;
  map: SourceTextMap;
  start: number;
  end: number;
  name?: string;
  label: string;
  codings: XmlElement[];
  noteRefs: XmlElement[];
  selectionKey: string;
  creatingUser?: string;
  creationDateTime?: string;
  /** ATLAS.ti's quotation comment: becomes a memo on the selection's coding. */
  description?: string;
}

/** The rows a read makes, in the shape of the project's tables. */
export interface ReadRows {
  coders: Coder[];
  codes: Code[];
  attributes: Attribute[];
  cases: Case[];
  sources: Source[];
  codings: Coding[];
  memos: Memo[];
  themes: Theme[];
  documentSets: DocumentSet[];
  preserved: Preserved[];
}

export interface ReadContext {
  root: XmlElement;
  fileName: string;
  /** The archive the project.qde came in; a bare .qde has none. */
  files: ZipArchive | undefined;
  /** The archive's entry that holds the project XML. */
  qdeEntry: string | undefined;
  opts: ReadOptions;
  now: string;
  newId: () => Guid;
  progress: (p: ReadProgress) => void;
  report: ImportReport;
  warn: (w: string) => void;
  ids: IdMap;
  origin: string | undefined;
  /** Written by Lantern QDA: values go back exactly as written. */
  isOurs: boolean;
  /** Our own lantern/project.json, when present and readable. */
  extras: LanternExtras | null;
  /** project.qde is the one our extras were saved with. */
  qdeUnchanged: boolean;
  projectCreated: string;
  rows: ReadRows;
  /**
   * Elements a stage turned into rows (or whose content it used): preserve.ts keeps every
   * element not in here, and the unknown attributes of those that are, with the id of
   * the row each became ('' when it became part of another row).
   */
  used: Map<XmlElement, string>;
  /** Where each Note hangs, by the note's GUID key: the first element that points at it. */
  noteTargets: Map<string, MemoTarget>;
  /** Sources by the file's GUID key -> the case they belong to. */
  caseOfSource: Map<string, Guid>;
  /** Sources whose text is the one our extras were saved with. */
  unchangedTexts: Set<Guid>;
  selections: PendingSelection[];
  wholeSourceCodings: { sourceId: Guid; el: XmlElement; length: number }[];
  /** A selection's GUID key -> the first coding made from it, for notes linked to the selection. */
  codingOfSelection: Map<string, Guid>;
  /** A source's id -> the zip entry its text came from, and the plainTextPath that named it. */
  textEntries: Map<Guid, { entry: string; path: string }>;
  /** A selection's GUID -> its codings' ids, for selections the writer would not make the same of itself. */
  selectionMembers: Map<string, string[]>;
  /** The element each skipped item was read from: preserve.ts tells kept from lost by it. */
  skippedAt: Map<SkippedItem, XmlElement>;
}

/** Reports an element the model cannot take; preserve.ts later says whether it was kept as it is. */
export function skipItem(ctx: ReadContext, el: XmlElement, item: SkippedItem): void {
  ctx.report.skipped.push(item);
  ctx.skippedAt.set(item, el);
}

export function parseDate(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? undefined : isoNow(new Date(ms));
}

/** The items of a container element (e.g. Users/User); none when the container is absent. */
export function items(parent: XmlElement, container: string, name: string): XmlElement[] {
  const c = child(parent, container);
  return c ? childrenNamed(c, name) : [];
}

export function basename(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

export function newReport(fileName: string): ImportReport {
  return { fileName, counts: emptyCounts(), skipped: [], warnings: [], restoredLanternData: false };
}

/** Warnings said once each, however many items give rise to them. */
export function warner(report: ImportReport): (w: string) => void {
  return (w: string) => {
    if (!report.warnings.includes(w)) report.warnings.push(w);
  };
}

/** Our own values go back exactly as written; other tools' get the stray whitespace they often carry trimmed. */
export function tidy(ctx: Pick<ReadContext, 'isOurs'>, text: string | undefined): string {
  return ctx.isOurs ? (text ?? '') : (text ?? '').trim();
}

/** An optional description: present (even empty, so that it is written back) or absent. */
export function optionalText(ctx: Pick<ReadContext, 'isOurs'>, el: XmlElement | undefined): string | undefined {
  return el === undefined ? undefined : tidy(ctx, el.text);
}

/** Records where the notes an element points at (its NoteRefs) hang. */
export function pointNotes(ctx: ReadContext, el: XmlElement, target: MemoTarget): void {
  for (const ref of el.children) {
    if (ref.name !== 'NoteRef') continue;
    const key = IdMap.key(ref.attrs.targetGUID);
    if (!key) continue;
    if (ctx.noteTargets.has(key)) ctx.warn(`note ${ref.attrs.targetGUID} is attached to several items; kept its first`);
    else {
      ctx.noteTargets.set(key, target);
      // The writer writes it again from the memo's target; a second NoteRef to the note stays unused, so it is kept as it was.
      ctx.used.set(ref, '');
    }
  }
}

/** A fresh context for reading `root`; stages fill it in order. */
export function newContext(root: XmlElement, fileName: string, opts: ReadOptions = {}, files?: ZipArchive, qdeEntry?: string): ReadContext {
  const report = newReport(fileName);
  const warn = warner(report);
  const newId = opts.newId ?? newGuid;
  const now = opts.now ?? isoNow();
  const origin = root.attrs.origin?.trim() || undefined;
  return {
    root,
    fileName,
    files,
    qdeEntry,
    opts,
    now,
    newId,
    progress: opts.onProgress ?? (() => undefined),
    report,
    warn,
    ids: new IdMap(newId, warn),
    origin,
    isOurs: /lantern/i.test(origin ?? ''),
    extras: null,
    qdeUnchanged: false,
    projectCreated: parseDate(root.attrs.creationDateTime) ?? now,
    rows: { coders: [], codes: [], attributes: [], cases: [], sources: [], codings: [], memos: [], themes: [], documentSets: [], preserved: [] },
    used: new Map(),
    noteTargets: new Map(),
    caseOfSource: new Map(),
    unchangedTexts: new Set(),
    selections: [],
    wholeSourceCodings: [],
    codingOfSelection: new Map(),
    textEntries: new Map(),
    skippedAt: new Map(),
    selectionMembers: new Map(),
  };
}
