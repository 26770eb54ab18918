/** Opening the zip containers of .docx, .odt and .xlsx with clear refusals for damaged or hostile files. */
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import { ImportError } from './errors';

/** Unpacked XML parts above this are a zip bomb, not a transcript. */
const MAX_UNPACKED_BYTES = 300 * 1024 * 1024;

export function openZip(bytes: Uint8Array, fileName: string, kind: string, wanted: (path: string) => boolean): Record<string, Uint8Array> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const a = /^[aeiou]/i.test(kind) ? 'an' : 'a';
    throw new ImportError(fileName, `this is not ${a} ${kind} (${a} ${kind} is a zip archive, and this file is not one)`);
  }
  let unpacked = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        unpacked += file.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new ImportError(fileName, `the ${kind} unpacks to more than 300 MB, which is refused`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, `the ${kind} is damaged or truncated and cannot be opened (${error instanceof Error ? error.message : String(error)})`);
  }
}

export function utf8Xml(part: Uint8Array): string {
  return new TextDecoder('utf-8').decode(part);
}

export interface XmlHandlers {
  open?: (tag: SaxesTagPlain) => void;
  close?: (tag: SaxesTagPlain) => void;
  text?: (text: string) => void;
}

/** Streams an XML part through saxes; a malformed part is reported as a damaged file. */
export function walkXml(xml: string, handlers: XmlHandlers, fileName: string, part: string): void {
  const parser = new SaxesParser();
  if (handlers.open) parser.on('opentag', handlers.open as (tag: unknown) => void);
  if (handlers.close) parser.on('closetag', handlers.close as (tag: unknown) => void);
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new ImportError(fileName, `the file is damaged: ${part} is not well-formed XML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
}
