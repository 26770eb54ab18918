/**
 * "An equivalent project": what a re-saved REFI-QDA file must still hold of the original.
 * Both XML trees are flattened into element signatures (name, parent's name and
 * attributes, GUIDs and colours in one case, dates in one form) and counted, so order
 * does not matter where the standard leaves it free. Values Lantern QDA works out again
 * when it writes a text selection (its offsets in our counting, its name from the text)
 * and the producing tool's name are left out of the signature; everything else must be
 * there. Extra elements (a colour given to a code that had none) are allowed.
 */
import { parseXml } from '../../../../shared/formats/refi/xml';
import type { XmlElement } from '../../../../shared/formats/refi/xml';

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const DATE = /^\d{4}-\d{2}-\d{2}T/;

/** Attributes recomputed on write: [element, attribute]. */
const RECOMPUTED = new Set(['Project@origin', 'Project@schemaLocation', 'PlainTextSelection@startPosition', 'PlainTextSelection@endPosition', 'PlainTextSelection@name']);

function norm(value: string): string {
  if (GUID.test(value)) return value.replace(/[{}]/g, '').toLowerCase();
  if (/^#[0-9a-f]{6}$/i.test(value)) return value.toLowerCase();
  if (DATE.test(value) && !Number.isNaN(Date.parse(value))) return new Date(Date.parse(value)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return value;
}

interface Flat {
  where: string;
  attrs: Map<string, string>;
  text: string;
}

function flatten(xml: string): Flat[] {
  const out: Flat[] = [];
  const walk = (el: XmlElement, parent: string) => {
    const attrs = new Map<string, string>();
    for (const a of Object.keys(el.attrs)) {
      if (RECOMPUTED.has(`${el.name}@${a}`)) continue;
      // ATLAS.ti's "Parent::Child" code names are read as a hierarchy: compare the last part.
      const value = el.name === 'Code' && a === 'name' ? el.attrs[a]!.split('::').pop()!.trim() : el.attrs[a]!;
      attrs.set(a, norm(value));
    }
    const text = el.children.length === 0 && el.name !== 'PlainTextContent' ? el.text.replace(/\r\n?/g, '\n').trim() : '';
    out.push({ where: `${parent}/${el.name}`, attrs, text });
    for (const c of el.children) walk(c, el.name === 'Code' || el.name === 'Codes' ? 'Codes' : el.name);
  };
  walk(parseXml(xml, 'compared.qde'), '');
  return out;
}

const show = (f: Flat) => `${f.where}[${[...f.attrs].map(([k, v]) => `${k}=${v}`).join(' ')}]${f.text ? ` "${f.text}"` : ''}`;

/**
 * Elements of the original the rewrite lacks: each must have a counterpart in the same
 * place with at least its attributes (the same values) and its text. Empty when nothing was lost.
 */
export function missingElements(original: string, rewritten: string): string[] {
  const pool = new Map<string, Flat[]>();
  for (const f of flatten(rewritten)) {
    const list = pool.get(f.where) ?? [];
    list.push(f);
    pool.set(f.where, list);
  }
  const missing: string[] = [];
  for (const f of flatten(original)) {
    const list = pool.get(f.where) ?? [];
    const at = list.findIndex((g) => g.text === f.text && [...f.attrs].every(([k, v]) => g.attrs.get(k) === v));
    if (at < 0) missing.push(show(f));
    else list.splice(at, 1);
  }
  return missing;
}
