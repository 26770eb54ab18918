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

const REFERENCE_ATTRS = ['targetGUID', 'originGUID', 'representedGUID'];

function retargetNode(node: XmlNode, from: string, into: string): XmlNode | null {
  let changed = false;
  const attrs = { ...node.attrs };
  for (const a of REFERENCE_ATTRS) {
    if (attrs[a]?.replace(/[{}]/g, '').toLowerCase() === from) {
      attrs[a] = into;
      changed = true;
    }
  }
  const children = node.children.map((c) => {
    const next = retargetNode(c, from, into);
    if (next) changed = true;
    return next ?? c;
  });
  return changed ? { ...node, attrs, children } : null;
}

/**
 * Kept rows that point at `fromId`, pointing at `intoId` instead: what merging one code
 * into another does to another tool's codings of it (a PDF selection's CodeRef), so they
 * follow the merge rather than being dropped on save with the merged code.
 */
export function retargetPreserved(rows: readonly Preserved[], fromId: string, intoId: string): { before: PreservedElement; after: PreservedElement }[] {
  const out: { before: PreservedElement; after: PreservedElement }[] = [];
  for (const row of rows) {
    if (row.kind !== 'element' || !row.children) continue;
    let changed = false;
    const children = row.children.map((c) => {
      const next = retargetNode(c, fromId.toLowerCase(), intoId);
      if (next) changed = true;
      return next ?? c;
    });
    if (changed) out.push({ before: row, after: { ...row, children } });
  }
  return out;
}
