/**
 * Stage: TextSources become sources (their text from the archive, inline, or a Word
 * copy) and their PlainTextSelections wait for the selections stage. Other kinds of
 * source (PDF, picture, audio, video) are left unused, for preserve.ts to keep.
 */
import type { Source } from '../../../model/schema';
import { decodeStoredText } from '../../../import/decode';
import { ImportError } from '../../../import/errors';
import { paragraphSpans } from '../../../text/compose';
import { contentHash } from '../../../text/hash';
import { detectTurns } from '../../../import/turns';
import { docxText } from '../docx';
import { SourceTextMap } from '../positions';
import type { XmlElement } from '../xml';
import { child, childrenNamed } from '../xml';
import type { PendingSelection, ReadContext } from './context';
import { basename, IdMap, optionalText, pointNotes, skipItem, tidy } from './context';
import { readValues } from './cases';

const NON_TEXT_SOURCES: Record<string, string> = {
  PictureSource: 'a picture',
  PDFSource: 'a PDF',
  AudioSource: 'an audio recording',
  VideoSource: 'a video',
};

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

function joinPath(base: string, rel: string): string {
  if (!base) return rel;
  return `${base.replace(/[\\/]+$/, '')}/${rel.replace(/^[\\/]+/, '')}`;
}

/** The file a source or note path names: in the archive (tools disagree about folders), else outside it when allowed. */
export function findFile(ctx: ReadContext, path: string | undefined): { bytes: Uint8Array; name: string; inArchive: boolean } | undefined {
  if (!path) return undefined;
  const { files } = ctx;
  const p = path.trim();
  const m = /^([a-z]+):\/\/(.*)$/i.exec(p);
  const scheme = m ? m[1]!.toLowerCase() : '';
  const rest = m ? m[2]! : p;
  if (scheme === 'internal' || !scheme) {
    for (const asked of [`sources/${rest}`, rest]) {
      const name = files?.find(asked);
      if (name) return { bytes: files!.get(name)!, name, inArchive: true };
    }
  }
  const base = basename(rest).toLowerCase();
  const entry = files?.names.find((n) => basename(n).toLowerCase() === base && !n.endsWith('/'));
  if (entry) return { bytes: files!.get(entry)!, name: entry, inArchive: true };
  if (ctx.opts.readExternal && scheme !== 'internal') {
    const basePath = ctx.root.attrs.basePath ?? '';
    const external =
      scheme === 'relative' ? joinPath(basePath, rest) : scheme === 'absolute' || scheme === 'file' ? rest.replace(/^\/(?=[a-zA-Z]:)/, '') : p;
    const bytes = ctx.opts.readExternal(external);
    if (bytes) return { bytes, name: external, inArchive: false };
  }
  return undefined;
}

/** A text file's bytes as text, exactly as stored; undefined (with the reason recorded) when it is not text. */
export function decodeFile(ctx: ReadContext, bytes: Uint8Array, what: string): string | undefined {
  try {
    const decoded = decodeStoredText(bytes, what);
    for (const w of decoded.warnings) ctx.warn(`${what}: ${w}`);
    if (decoded.encoding === 'windows-1252') ctx.warn(`${what} is not valid UTF-8; read it as Windows-1252`);
    return decoded.text;
  } catch (error) {
    if (error instanceof ImportError) {
      ctx.warn(error.message);
      return undefined;
    }
    throw error;
  }
}

export function readSources(ctx: ReadContext): void {
  const { rows } = ctx;
  const sourcesEl = child(ctx.root, 'Sources');
  if (sourcesEl) ctx.used.set(sourcesEl, '');
  const savedSources = ctx.extras ? new Map(ctx.extras.sources.map((x) => [x.id, x])) : undefined;
  const sourceEls = sourcesEl?.children ?? [];
  let sourcesDone = 0;
  ctx.progress({ step: 'sources', done: 0, total: sourceEls.length });
  for (const el of sourceEls) {
    if (sourcesDone > 0) ctx.progress({ step: 'sources', done: sourcesDone, total: sourceEls.length });
    sourcesDone++;
    const label = el.attrs.name?.trim() || el.attrs.guid || el.name;
    const codingCount = countCodings(el);
    const withCodings = codingCount ? ` (with its ${codingCount} coding${codingCount === 1 ? '' : 's'})` : '';
    const skip = (reason: string) => skipItem(ctx, el, { kind: el.name, name: label, reason });
    if (NON_TEXT_SOURCES[el.name]) {
      skip(`${NON_TEXT_SOURCES[el.name]} source; Lantern QDA shows text sources only${withCodings}`);
      continue;
    }
    if (el.name !== 'TextSource') {
      skip('not a REFI-QDA source element');
      continue;
    }
    let raw: string | undefined;
    const file = findFile(ctx, el.attrs.plainTextPath);
    const inline = child(el, 'PlainTextContent');
    if (file) raw = decodeFile(ctx, file.bytes, `${label} (${file.name})`);
    else if (inline) raw = inline.text;
    else {
      const rich = findFile(ctx, el.attrs.richTextPath);
      if (rich && /\.docx$/i.test(rich.name)) {
        try {
          raw = docxText(rich.bytes, rich.name);
          ctx.warn(`"${label}" has no plain-text file; took its text from ${rich.name}, so its selections may not line up exactly`);
        } catch (error) {
          skip(`its plain text is missing and its Word file could not be read (${error instanceof Error ? error.message : String(error)})`);
          continue;
        }
      }
    }
    if (raw === undefined) {
      const where = el.attrs.plainTextPath ?? el.attrs.richTextPath;
      skip(`${file ? `its text file ${file.name} is not text` : where ? `its text file ${where} is not in ${ctx.fileName}` : 'it has neither PlainTextContent nor a plainTextPath'}${withCodings}`);
      continue;
    }
    readTextSource(ctx, el, raw, label, savedSources);
    if (file?.inArchive) ctx.textEntries.set(rows.sources[rows.sources.length - 1]!.id, { entry: file.name, path: el.attrs.plainTextPath! });
    else if (inline && !file) ctx.used.set(inline, '');
  }
  ctx.progress({ step: 'sources', done: sourceEls.length, total: sourceEls.length });
}

function readTextSource(
  ctx: ReadContext,
  el: XmlElement,
  raw: string,
  label: string,
  savedSources: Map<string, { contentHash: string }> | undefined,
): void {
  const { rows } = ctx;
  const map = new SourceTextMap(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
  if (!map.matchesWholeNormalization()) ctx.warn(`"${label}": Unicode normalisation of its text was done piece by piece to keep selections aligned`);
  const id = ctx.ids.assign('Source', el.attrs.guid);
  ctx.used.set(el, id);
  const text = map.text;
  // Our own sources get their structure back from the extras, if the text is still the one saved; detecting it again would be wasted work.
  const saved = savedSources?.get(id);
  const restoredLater = saved !== undefined && saved.contentHash === contentHash(text);
  if (restoredLater) ctx.unchangedTexts.add(id);
  const structure = restoredLater ? { paragraphs: [], turns: [], speakers: [] } : structureOf(text);
  const source: Source = {
    id,
    name: tidy(ctx, el.attrs.name) || basename(el.attrs.plainTextPath ?? '') || `Source ${rows.sources.length + 1}`,
    text,
    ...structure,
    format: 'refi',
    importedAt: ctx.now,
  };
  const descriptionEl = child(el, 'Description');
  const description = optionalText(ctx, descriptionEl);
  if (description !== undefined) source.description = description;
  if (description !== undefined) ctx.used.set(descriptionEl!, '');
  const caseId = ctx.caseOfSource.get(IdMap.key(el.attrs.guid));
  if (caseId) source.caseId = caseId;
  const importer = el.attrs.creatingUser ? ctx.ids.lookup('User', el.attrs.creatingUser) : undefined;
  if (importer) source.importedBy = importer;
  rows.sources.push(source);
  pointNotes(ctx, el, { kind: 'source', id });

  // Attributes on the source itself (QualCoder's file attributes) go onto its case to be seen, and stay on the source in the file.
  const ownValues: Record<string, string> = {};
  readValues(ctx, el, ownValues, true);
  if (Object.keys(ownValues).length) {
    let kase = source.caseId ? rows.cases.find((k) => k.id === source.caseId) : undefined;
    if (!kase) {
      kase = { id: ctx.newId(), name: source.name, values: {} };
      rows.cases.push(kase);
      source.caseId = kase.id;
      ctx.warn(`"${source.name}" carries its own variable values; made a case of the same name to hold them`);
    }
    Object.assign(kase.values, ownValues);
  }

  for (const sel of childrenNamed(el, 'PlainTextSelection')) {
    const pending: PendingSelection = {
      sourceId: id,
      el: sel,
      map,
      start: Number(sel.attrs.startPosition),
      end: Number(sel.attrs.endPosition),
      label: `${source.name} ${sel.attrs.startPosition ?? '?'}-${sel.attrs.endPosition ?? '?'}`,
      codings: childrenNamed(sel, 'Coding'),
      noteRefs: childrenNamed(sel, 'NoteRef'),
      selectionKey: IdMap.key(sel.attrs.guid),
    };
    if (sel.attrs.name) pending.name = sel.attrs.name;
    if (sel.attrs.creatingUser) pending.creatingUser = sel.attrs.creatingUser;
    if (sel.attrs.creationDateTime) pending.creationDateTime = sel.attrs.creationDateTime;
    const selDescription = child(sel, 'Description')?.text.trim();
    if (selDescription) pending.description = selDescription;
    ctx.selections.push(pending);
  }
  for (const c of childrenNamed(el, 'Coding')) ctx.wholeSourceCodings.push({ sourceId: id, el: c, length: text.length });
}
