/**
 * The domain model. Zod schemas are the single definition: the TypeScript types are
 * inferred from them, and the same schemas validate every boundary (project files,
 * IndexedDB rows, IPC payloads), so a type can never drift from its check.
 *
 * Text positions are half-open [start, end) offsets in UTF-16 code units into a
 * source's immutable text (JavaScript's own string indexing). Conversion to the
 * REFI-QDA convention (code points) lives in positions.ts and nowhere else.
 */
import { z } from 'zod';
import { preservedSchema } from './preserved';

export const guidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lowercase GUID');
export type Guid = z.infer<typeof guidSchema>;

/** ISO 8601 UTC timestamp, e.g. 2026-11-27T10:00:00Z. */
export const isoDateSchema = z.string().min(1);

export const hexColorSchema = z.string().regex(/^#[0-9a-f]{6}$/, 'a colour as #rrggbb');

export const spanSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, 'a span must not end before it starts');
export type Span = z.infer<typeof spanSchema>;

export const coderSchema = z.object({
  id: guidSchema,
  name: z.string().min(1),
  color: hexColorSchema.optional(),
  /** The consensus coder records resolved disagreements; it is not a person. */
  isConsensus: z.boolean().optional(),
});
export type Coder = z.infer<typeof coderSchema>;

export const speakerRoleSchema = z.enum(['interviewer', 'respondent']);
export type SpeakerRole = z.infer<typeof speakerRoleSchema>;

export const speakerSchema = z.object({
  name: z.string().min(1),
  role: speakerRoleSchema,
  /** The case this speaker's words belong to (focus groups map each voice to a case). */
  caseId: guidSchema.optional(),
});
export type Speaker = z.infer<typeof speakerSchema>;

/**
 * A speaker turn: who speaks, where in the text (the utterance only, not the label),
 * and when, where the original gave a time. A source without speakers has no turns.
 */
export const turnSchema = z.object({
  speaker: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  timeMs: z.number().nonnegative().optional(),
});
export type Turn = z.infer<typeof turnSchema>;

/**
 * A paragraph of the readable text. timeMs (optional, added for caption import) is the cue
 * time of a caption paragraph that has no speaker turn to carry it (captions without speakers).
 */
export const paragraphSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), timeMs: z.number().nonnegative().optional() })
  .refine((s) => s.end >= s.start, 'a span must not end before it starts');
export type Paragraph = z.infer<typeof paragraphSchema>;

export const sourceFormatSchema = z.enum([
  'txt', 'md', 'docx', 'odt', 'vtt', 'srt', 'csv', 'xlsx', 'survey', 'refi', 'demo',
]);
export type SourceFormat = z.infer<typeof sourceFormatSchema>;

export const sourceSchema = z.object({
  id: guidSchema,
  name: z.string().min(1),
  /** Normalised once at import (NFC, \n line ends) and never changed afterwards. */
  text: z.string(),
  /** Paragraphs tile the readable text; the transcript view renders one block per paragraph. */
  paragraphs: z.array(paragraphSchema),
  turns: z.array(turnSchema),
  speakers: z.array(speakerSchema),
  caseId: guidSchema.optional(),
  format: sourceFormatSchema,
  description: z.string().optional(),
  importedAt: isoDateSchema,
  importedBy: guidSchema.optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const attributeTypeSchema = z.enum(['text', 'boolean', 'integer', 'float', 'date', 'datetime']);
export type AttributeType = z.infer<typeof attributeTypeSchema>;

export const attributeSchema = z.object({
  id: guidSchema,
  name: z.string().min(1),
  type: attributeTypeSchema,
  description: z.string().optional(),
  /** Known values in display order (e.g. partner, participant); free text when absent. */
  values: z.array(z.string()).optional(),
});
export type Attribute = z.infer<typeof attributeSchema>;

export const caseSchema = z.object({
  id: guidSchema,
  name: z.string().min(1),
  description: z.string().optional(),
  /** attribute id -> value, always stored as text and checked against the attribute's type. */
  values: z.record(z.string(), z.string()),
});
export type Case = z.infer<typeof caseSchema>;

export const codeOriginSchema = z.enum(['deductive', 'inductive', 'in-vivo']);
export type CodeOrigin = z.infer<typeof codeOriginSchema>;

export const codeSchema = z.object({
  id: guidSchema,
  name: z.string().min(1),
  parentId: guidSchema.nullable(),
  /** Position among its siblings. */
  order: z.number(),
  color: hexColorSchema,
  definition: z.string(),
  inclusion: z.string(),
  exclusion: z.string(),
  example: z.string(),
  origin: codeOriginSchema,
  /** False for a category that only groups other codes (REFI isCodable). */
  codable: z.boolean(),
  createdBy: guidSchema.optional(),
  createdAt: isoDateSchema,
  /** Where an inductive or in-vivo code first appeared. */
  firstSourceId: guidSchema.optional(),
  /** A single key, e.g. "1", that applies this code to the selection. */
  shortcut: z.string().optional(),
});
export type Code = z.infer<typeof codeSchema>;

export const codingSchema = z.object({
  id: guidSchema,
  codeId: guidSchema,
  sourceId: guidSchema,
  coderId: guidSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  createdAt: isoDateSchema,
  /** Marked by the team as an exemplar quote for the report. */
  exemplar: z.boolean().optional(),
});
export type Coding = z.infer<typeof codingSchema>;

export const themeSchema = z.object({
  id: guidSchema,
  name: z.string().min(1),
  definition: z.string(),
  codeIds: z.array(guidSchema),
  parentId: guidSchema.nullable(),
  order: z.number(),
  color: hexColorSchema.optional(),
});
export type Theme = z.infer<typeof themeSchema>;

/** Rich text kept in the shape Slate edits (blocks of text leaves and links), as plain JSON. */
export type RichLeaf = { text: string; bold?: boolean; italic?: boolean };
export type RichLink = { type: 'link'; target: MemoLinkTarget; children: RichLeaf[] };
export type RichInline = RichLeaf | RichLink;
export type RichBlock =
  | { type: 'paragraph'; children: RichInline[] }
  | { type: 'bulleted-list' | 'numbered-list'; children: RichBlock[] }
  | { type: 'list-item'; children: RichInline[] };
export type MemoLinkTarget = { kind: 'code' | 'source'; id: Guid };

const richLeafSchema = z.object({ text: z.string(), bold: z.boolean().optional(), italic: z.boolean().optional() });
const richInlineSchema = z.union([
  richLeafSchema,
  z.object({
    type: z.literal('link'),
    target: z.object({ kind: z.enum(['code', 'source']), id: guidSchema }),
    children: z.array(richLeafSchema),
  }),
]);
export const richBlockSchema: z.ZodType<RichBlock> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal('paragraph'), children: z.array(richInlineSchema) }),
    z.object({ type: z.literal('list-item'), children: z.array(richInlineSchema) }),
    z.object({ type: z.enum(['bulleted-list', 'numbered-list']), children: z.array(richBlockSchema) }),
  ]),
);

export const memoTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project') }),
  z.object({ kind: z.literal('source'), id: guidSchema }),
  z.object({ kind: z.literal('code'), id: guidSchema }),
  z.object({ kind: z.literal('theme'), id: guidSchema }),
  z.object({ kind: z.literal('coding'), id: guidSchema }),
  z.object({ kind: z.literal('case'), id: guidSchema }),
]);
export type MemoTarget = z.infer<typeof memoTargetSchema>;

export const memoSchema = z.object({
  id: guidSchema,
  title: z.string(),
  target: memoTargetSchema,
  body: z.array(richBlockSchema),
  authorId: guidSchema.optional(),
  createdAt: isoDateSchema,
  modifiedAt: isoDateSchema,
});
export type Memo = z.infer<typeof memoSchema>;

/** A named group of sources (REFI Set with MemberSource), e.g. "Site A". */
export const documentSetSchema = z.object({
  id: guidSchema,
  name: z.string().min(1),
  description: z.string().optional(),
  sourceIds: z.array(guidSchema),
});
export type DocumentSet = z.infer<typeof documentSetSchema>;

export const savedQuerySchema = z.object({
  id: guidSchema,
  name: z.string().min(1),
  /** The query's own JSON form, validated by the query engine that reads it. */
  query: z.unknown(),
});
export type SavedQuery = z.infer<typeof savedQuerySchema>;

/** Per-project preferences that travel with the file (e.g. the report dialog's last options). */
export const settingSchema = z.object({ id: z.string().min(1), value: z.unknown() });
export type Setting = z.infer<typeof settingSchema>;

export const projectMetaSchema = z.object({
  id: guidSchema,
  name: z.string().min(1),
  description: z.string(),
  createdAt: isoDateSchema,
  modifiedAt: isoDateSchema,
  createdBy: guidSchema.optional(),
  /** The tool that wrote the file we read, e.g. "NVivo 12.6"; ours when we made it. */
  origin: z.string().optional(),
});
export type ProjectMeta = z.infer<typeof projectMetaSchema>;

export const tableSchemas = {
  coders: coderSchema,
  sources: sourceSchema,
  attributes: attributeSchema,
  cases: caseSchema,
  codes: codeSchema,
  codings: codingSchema,
  themes: themeSchema,
  memos: memoSchema,
  documentSets: documentSetSchema,
  savedQueries: savedQuerySchema,
  settings: settingSchema,
  /** Other tools' content the model does not hold, written back on save (preserved.ts). */
  preserved: preservedSchema,
} as const;

export type TableName = keyof typeof tableSchemas;
export const tableNames = Object.keys(tableSchemas) as TableName[];
export type Row<T extends TableName> = z.infer<(typeof tableSchemas)[T]>;
export type Tables = { [T in TableName]: Row<T>[] };

/** A whole project in memory: what the CLI works on and what a .qdpx holds. */
export type Project = { meta: ProjectMeta } & Tables;

export const projectSchema = z.object({
  meta: projectMetaSchema,
  ...Object.fromEntries(tableNames.map((t) => [t, z.array(tableSchemas[t])])),
}) as unknown as z.ZodType<Project>;
