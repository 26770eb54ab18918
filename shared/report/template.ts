/**
 * A user's Word template for our documents: its styles (and theme fonts and colours)
 * replace ours, so headings, quotes, captions and tables come out in the house style.
 * Ours stay only for the styles the template does not define (e.g. Quote Attribution).
 * Only styles.xml and the theme are taken from the template; nothing else in it (macros,
 * content) comes along.
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { readZip, writeZip } from '../formats/zip';
import { decodeXmlBytes } from '../import/decode';

export interface WordTemplate {
  /** A .docx or .dotx. */
  bytes: Uint8Array;
  /** For messages: the file the user chose. */
  name: string;
}

export class TemplateError extends Error {}

const STYLES = 'word/styles.xml';
const THEME = 'word/theme/theme1.xml';

export function withTemplateStyles(document: Uint8Array, template: WordTemplate): Uint8Array {
  let archive;
  try {
    archive = readZip(template.bytes, template.name);
  } catch {
    throw new TemplateError(`${template.name} is not a Word document or template (.docx or .dotx)`);
  }
  const stylesBytes = archive.get(STYLES);
  const theirs = stylesBytes ? decodeXmlBytes(stylesBytes) : '';
  if (!/<w:styles[\s>]/.test(theirs) || !/<\/w:styles>\s*$/.test(theirs))
    throw new TemplateError(`${template.name} has no Word styles (${STYLES}); give a .docx or .dotx saved by Word`);

  const files = unzipSync(document);
  const ours = strFromU8(files[STYLES]!);
  const defined = new Set([...theirs.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"/g)].map((m) => m[1]!));
  const missing = [...ours.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g)]
    .filter((m) => !defined.has(m[1]!))
    .map((m) => m[0]);
  files[STYLES] = strToU8(theirs.replace(/<\/w:styles>\s*$/, `${missing.join('')}</w:styles>`));
  // The template's styles name its theme's fonts and colours (e.g. "minor" body font).
  const theme = archive.get(THEME);
  if (theme && files[THEME]) files[THEME] = new Uint8Array(theme);
  return writeZip(Object.entries(files));
}
