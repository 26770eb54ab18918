/**
 * Opening the zip containers of .docx, .odt and .xlsx with clear refusals for damaged or
 * hostile files. The archive itself is read by shared/formats/zip (unsafe names, declared
 * and actual sizes all checked there); this only words its refusals for a transcript import.
 */
import { DEFAULT_ZIP_LIMITS, readZip, ZipError } from '../formats/zip';
import type { ZipLimits } from '../formats/zip';
import type { ScanHandlers } from '../formats/xml-scan';
import { scanXml, XmlScanError } from '../formats/xml-scan';
import { ImportError } from './errors';

/** Unpacked XML parts above this are a zip bomb, not a transcript. */
const MAX_UNPACKED_BYTES = 300 * 1024 * 1024;
const IMPORT_LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: MAX_UNPACKED_BYTES, maxEntryBytes: MAX_UNPACKED_BYTES };

export function openZip(bytes: Uint8Array, fileName: string, kind: string, wanted: (path: string) => boolean): Record<string, Uint8Array> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const a = /^[aeiou]/i.test(kind) ? 'an' : 'a';
    throw new ImportError(fileName, `this is not ${a} ${kind} (${a} ${kind} is a zip archive, and this file is not one)`);
  }
  try {
    const zip = readZip(bytes, fileName, IMPORT_LIMITS);
    const parts: Record<string, Uint8Array> = {};
    for (const name of zip.names) {
      if (!wanted(name)) continue;
      const data = zip.get(name);
      if (data) parts[name] = data;
    }
    return parts;
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    // A garbled entry name is full of control characters; they must not reach a terminal.
    const detail = error.detail.replace(/\p{Cc}/gu, '?');
    switch (error.problem) {
      case 'too-large':
        // A corrupt header declares absurd sizes as readily as a bomb does; the user needs to hear both.
        throw new ImportError(fileName, `the ${kind} is damaged or would unpack to more than 300 MB, which is refused (${detail})`);
      case 'bomb':
        throw new ImportError(fileName, `the ${kind} is damaged or hostile, and refused: ${detail}`);
      case 'unsafe':
        throw new ImportError(fileName, `the ${kind} is damaged or unsafe to open (${detail})`);
      default:
        throw new ImportError(fileName, `the ${kind} is damaged or truncated and cannot be opened (${detail})`);
    }
  }
}

/** Reads an XML part through the one tokenizer; a malformed part is reported as a damaged file. */
export function walkXml(xml: string, handlers: ScanHandlers, fileName: string, part: string): void {
  try {
    scanXml(xml, handlers);
  } catch (error) {
    if (!(error instanceof XmlScanError)) throw error;
    throw new ImportError(fileName, `the file is damaged: ${part} is not well-formed XML (${error.message})`);
  }
}
