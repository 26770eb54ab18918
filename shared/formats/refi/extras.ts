/**
 * `lantern/project.json`: what REFI-QDA cannot hold, carried in the same .qdpx as an
 * entry other tools ignore.
 *
 * It is an overlay keyed by id, not a second copy of the project: project.qde stays the
 * truth for everything it can express (names, text, hierarchy, codings), and this adds
 * only our own fields (code criteria and origin, speaker turns, theme order, rich memo
 * bodies, ...) plus each table's row order. If another tool rewrote project.qde but kept
 * this entry, rows it still has get their details back and the rest stays as it wrote it.
 */
import { z } from 'zod';
import {
  attributeSchema,
  codeSchema,
  coderSchema,
  codingSchema,
  memoSchema,
  projectMetaSchema,
  savedQuerySchema,
  settingSchema,
  sourceSchema,
  themeSchema,
} from '../../model/schema';
import type { Project, RichBlock, TableName } from '../../model/schema';
import { memoPlainText } from '../../model/richtext';
import { contentHash } from '../../text/hash';

export const LANTERN_ENTRY = 'lantern/project.json';
export const LANTERN_FORMAT = 'lantern-qda';
export const LANTERN_VERSION = 1;

/** Per table: the fields project.qde cannot carry. */
const EXTRA_FIELDS = {
  coders: ['color', 'isConsensus'],
  sources: ['paragraphs', 'turns', 'speakers', 'format', 'importedAt', 'importedBy'],
  attributes: ['values'],
  cases: [],
  codes: ['order', 'inclusion', 'exclusion', 'example', 'origin', 'createdBy', 'createdAt', 'firstSourceId', 'shortcut'],
  codings: ['exemplar'],
  themes: ['parentId', 'order', 'color'],
  memos: ['title', 'target', 'body', 'authorId', 'createdAt', 'modifiedAt'],
  documentSets: [],
} as const satisfies Partial<Record<TableName, readonly string[]>>;

type OverlayTable = keyof typeof EXTRA_FIELDS;
const OVERLAY_TABLES = Object.keys(EXTRA_FIELDS) as OverlayTable[];

const idOnly = z.object({ id: z.string() });
export const lanternExtrasSchema = z.object({
  format: z.literal(LANTERN_FORMAT),
  version: z.literal(LANTERN_VERSION),
  /** contentHash of the project.qde written alongside: equal means nobody else changed it. */
  qdeHash: z.string(),
  meta: projectMetaSchema,
  coders: z.array(coderSchema.pick({ id: true, color: true, isConsensus: true })),
  sources: z.array(
    sourceSchema
      .pick({ id: true, paragraphs: true, turns: true, speakers: true, format: true, importedAt: true, importedBy: true })
      // The text's hash when saved: paragraphs and turns are offsets into it, so they apply only to that text.
      .extend({ contentHash: z.string() }),
  ),
  attributes: z.array(attributeSchema.pick({ id: true, values: true })),
  cases: z.array(idOnly),
  codes: z.array(
    codeSchema.pick({
      id: true, order: true, inclusion: true, exclusion: true, example: true, origin: true, createdBy: true, createdAt: true,
      firstSourceId: true, shortcut: true,
    }),
  ),
  codings: z.array(codingSchema.pick({ id: true, exemplar: true })),
  themes: z.array(themeSchema.pick({ id: true, parentId: true, order: true, color: true })),
  memos: z.array(memoSchema.pick({ id: true, title: true, target: true, body: true, authorId: true, createdAt: true, modifiedAt: true })),
  documentSets: z.array(idOnly),
  savedQueries: z.array(savedQuerySchema),
  settings: z.array(settingSchema),
});
export type LanternExtras = z.infer<typeof lanternExtrasSchema>;

function pick(row: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: row.id };
  for (const f of fields) if (row[f] !== undefined) out[f] = row[f];
  return out;
}

export function buildExtras(project: Project, qdeHash: string): LanternExtras {
  const extras: Record<string, unknown> = {
    format: LANTERN_FORMAT,
    version: LANTERN_VERSION,
    qdeHash,
    meta: project.meta,
    savedQueries: project.savedQueries,
    settings: project.settings,
  };
  for (const table of OVERLAY_TABLES) {
    extras[table] = (project[table] as unknown as Record<string, unknown>[]).map((row) => pick(row, EXTRA_FIELDS[table]));
  }
  // Paragraphs and turns are offsets into the text: each source's extras say which text they fit.
  (extras.sources as Record<string, unknown>[]).forEach((row, i) => (row.contentHash = contentHash(project.sources[i]!.text)));
  return extras as LanternExtras;
}

/** Parses the entry; null with a reason when it is not ours, not this version, or damaged. */
export function parseExtras(json: string): { extras: LanternExtras } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { problem: `${LANTERN_ENTRY} is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(data);
  if (!head.success || head.data.format !== LANTERN_FORMAT) return { problem: `${LANTERN_ENTRY} is not a Lantern QDA extras file` };
  if (head.data.version !== LANTERN_VERSION)
    return { problem: `${LANTERN_ENTRY} has version ${head.data.version}; this Lantern QDA reads version ${LANTERN_VERSION}` };
  const parsed = lanternExtrasSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `${LANTERN_ENTRY} is damaged: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}` };
  }
  return { extras: parsed.data };
}

/**
 * Puts our details back onto the rows read from project.qde, and each table back in
 * the order it was saved in. Rows the qde no longer has are not resurrected. A source's
 * structure comes back only if its text is the one saved (unchangedTexts: ids whose text
 * matches the hash in the extras).
 */
export function applyExtras(project: Project, extras: LanternExtras, unchangedTexts: ReadonlySet<string>): Project {
  const next: Project = { ...project, savedQueries: extras.savedQueries, settings: extras.settings };
  next.meta = { ...project.meta, id: extras.meta.id, createdAt: extras.meta.createdAt, modifiedAt: extras.meta.modifiedAt };
  if (extras.meta.origin !== undefined) next.meta.origin = extras.meta.origin;
  else delete next.meta.origin;
  if (extras.meta.createdBy !== undefined) next.meta.createdBy = extras.meta.createdBy;
  else delete next.meta.createdBy;
  for (const table of OVERLAY_TABLES) {
    const saved = extras[table] as Record<string, unknown>[];
    const position = new Map(saved.map((row, i) => [row.id as string, i]));
    const byId = new Map(saved.map((row) => [row.id as string, row]));
    const rows = (project[table] as unknown as Record<string, unknown>[]).map((row) => {
      const extra = byId.get(row.id as string);
      if (!extra) return row;
      const merged: Record<string, unknown> = { ...row };
      // A note edited in another tool keeps its new text rather than our older rich body.
      const keepQdeBody =
        table === 'memos' && memoPlainText(row.body as RichBlock[]) !== memoPlainText(extra.body as RichBlock[]);
      // Turns and paragraphs are offsets into the text: useless if another tool changed it.
      if (table === 'sources' && !unchangedTexts.has(row.id as string)) return row;
      for (const f of EXTRA_FIELDS[table]) {
        if (keepQdeBody && f === 'body') continue;
        if (extra[f] !== undefined) merged[f] = extra[f];
        else delete merged[f];
      }
      return merged;
    });
    // Positions looked up once, and no sort at all when the rows are already in saved order (our own files).
    const at = rows.map((row) => position.get(row.id as string) ?? Infinity);
    let inOrder = true;
    for (let i = 1; i < at.length && inOrder; i++) inOrder = at[i - 1]! <= at[i]!;
    (next as unknown as Record<string, unknown>)[table] = inOrder
      ? rows
      : rows
          .map((row, i) => ({ row, at: at[i]! }))
          .sort((a, b) => a.at - b.at)
          .map((x) => x.row);
  }
  return next;
}
