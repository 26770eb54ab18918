/**
 * Another tool's content that the model does not hold, kept so that saving the project
 * writes it back (shared/formats/refi/read/preserve.ts says what is kept and how it is
 * written). Rows of the `preserved` table, one of:
 *
 * - element: what belongs to one of our rows (or to the project, or a top-level REFI
 *   container) but is not modelled: its unknown attributes and unknown child elements,
 *   as plain XML trees. `owner` is the row's id, 'project', or a container name such as
 *   'Sources'. A source's `textEntry` is the zip entry its text came from; a selection's
 *   `members` are the codings it held.
 * - entry: a zip entry of the .qdpx we do not write ourselves (a PDF, a picture, a Word
 *   copy of a transcript), byte for byte.
 * - lossy: what the file held that could not be kept, so saving over the file would lose
 *   it. `fileName` is the file it was read from.
 */
import { z } from 'zod';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Character data of an element without child elements. */
  text?: string;
}

export const xmlNodeSchema: z.ZodType<XmlNode> = z.lazy(() =>
  z.object({
    name: z.string().min(1),
    attrs: z.record(z.string(), z.string()),
    children: z.array(xmlNodeSchema),
    text: z.string().optional(),
  }),
);

export const preservedElementSchema = z.object({
  id: z.string().min(1),
  kind: z.literal('element'),
  owner: z.string().min(1),
  attrs: z.record(z.string(), z.string()).optional(),
  children: z.array(xmlNodeSchema).optional(),
  textEntry: z.string().optional(),
  /** A selection's codings by id: written as one selection under the owner's GUID, as the file had it. */
  members: z.array(z.string()).optional(),
});

export const preservedEntrySchema = z.object({
  id: z.string().min(1),
  kind: z.literal('entry'),
  path: z.string().min(1),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes'),
});

export const lossySchema = z.object({
  id: z.literal('lossy'),
  kind: z.literal('lossy'),
  fileName: z.string(),
  items: z.array(z.string()),
});

export const preservedSchema = z.discriminatedUnion('kind', [preservedElementSchema, preservedEntrySchema, lossySchema]);
export type Preserved = z.infer<typeof preservedSchema>;
export type PreservedElement = z.infer<typeof preservedElementSchema>;
export type PreservedEntry = z.infer<typeof preservedEntrySchema>;
export type Lossy = z.infer<typeof lossySchema>;

/** The list of what will be left out when the project is saved, or null when nothing is. */
export function lossOf(rows: readonly Preserved[]): Lossy | null {
  for (const row of rows) if (row.kind === 'lossy') return row;
  return null;
}

export const preservedElementId = (owner: string) => `element:${owner}`;
export const preservedEntryId = (path: string) => `entry:${path}`;
