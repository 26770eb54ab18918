/** Reading a produced .docx back the way a reader would: its HTML (mammoth) and its raw XML parts (fflate). */
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { JSDOM } from 'jsdom';

export async function docxDom(bytes: Uint8Array): Promise<Document> {
  const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  return new JSDOM(`<body>${html}</body>`).window.document;
}

export function docxPart(bytes: Uint8Array, name: string): string {
  const files = unzipSync(bytes);
  const part = files[name];
  if (!part) throw new Error(`no ${name} in the document (has ${Object.keys(files).join(', ')})`);
  return strFromU8(part);
}

export function docxFiles(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes));
}

/** Paragraph texts in the given style, in order, read from document.xml (line breaks as \n). */
export function paragraphsInStyle(documentXml: string, styleId: string): string[] {
  const out: string[] = [];
  for (const m of documentXml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)) {
    const body = m[1] ?? m[2] ?? '';
    if (!body.includes(`<w:pStyle w:val="${styleId}"/>`)) continue;
    const text = [...body.matchAll(/<w:br\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => (t[0] === '<w:br/>' ? '\n' : unescapeXml(t[1]!)))
      .join('');
    out.push(text);
  }
  return out;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
