/**
 * One file to a preview: what it holds, who speaks and how often, and what will be
 * imported. Parsing happens here (in the app, inside a worker); the user then edits
 * the speakers with applyPreview before anything reaches the project.
 */
import type { SourceFormat } from '../model/schema';
import type { TranscriptStructure } from '../text/compose';
import { composeTranscript } from '../text/compose';
import { decodeText } from './decode';
import { readDocx } from './docx';
import { ImportError, MAX_FILE_BYTES } from './errors';
import { readOdt } from './odt';
import { guessSpeakerRole } from './roles';
import { parseCaptions } from './subtitles';
import { readCsvRows, tableDocuments } from './table';
import { detectTurns, withRoles } from './turns';
import type { AnalyzeOptions, ImportPreview, PreviewDocument, PreviewEdits, SpeakerSummary } from './types';
import { readXlsx } from './xlsx';

export const SUPPORTED_EXTENSIONS = ['txt', 'md', 'docx', 'odt', 'vtt', 'srt', 'csv', 'tsv', 'xlsx'] as const;

export function extensionOf(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}

export function baseNameOf(fileName: string): string {
  const leaf = fileName.split(/[/\\]/).pop() ?? fileName;
  return leaf.replace(/\.[^.]+$/, '') || leaf;
}

function sizeText(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export async function analyzeFile(bytes: Uint8Array, fileName: string, options: AnalyzeOptions = {}): Promise<ImportPreview> {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new ImportError(fileName, `the file is ${sizeText(bytes.length)}; files over ${sizeText(MAX_FILE_BYTES)} are refused (split it into smaller files)`);
  }
  if (bytes.length === 0) throw new ImportError(fileName, 'the file is empty');
  const ext = extensionOf(fileName);
  const base = baseNameOf(fileName);
  const warnings: string[] = [];
  let format: SourceFormat;
  let encoding: string | undefined;
  let documents: PreviewDocument[];
  let table: ImportPreview['table'];

  const textDocument = (text: string): PreviewDocument => {
    const detected = detectTurns(text);
    return { name: base, structure: detected.structure, ...(detected.utterances ? { utterances: detected.utterances } : {}) };
  };
  const decode = () => {
    const d = decodeText(bytes, fileName);
    encoding = d.encoding;
    warnings.push(...d.warnings);
    return d.text;
  };

  switch (ext) {
    case 'txt':
    case 'text':
    case 'md':
    case 'markdown':
      format = ext === 'md' || ext === 'markdown' ? 'md' : 'txt';
      documents = [textDocument(decode())];
      break;
    case 'docx':
      format = 'docx';
      documents = [textDocument(await readDocx(bytes, fileName))];
      break;
    case 'odt':
      format = 'odt';
      documents = [textDocument(readOdt(bytes, fileName))];
      break;
    case 'vtt':
    case 'srt': {
      format = ext;
      const { utterances, normalized } = parseCaptions(decode(), ext, fileName);
      documents = [{ name: base, structure: withRoles(composeTranscript(utterances, { normalized })), utterances }];
      break;
    }
    case 'csv':
    case 'tsv':
    case 'xlsx': {
      let rows: string[][];
      if (ext === 'xlsx') {
        rows = readXlsx(bytes, fileName).rows;
      } else {
        const csv = readCsvRows(decode(), fileName);
        rows = csv.rows;
        warnings.push(...csv.warnings);
      }
      const result = tableDocuments(rows, base, fileName, options, ext === 'xlsx');
      documents = result.documents;
      table = result.table;
      warnings.push(...result.warnings);
      format = table.mode === 'survey' ? 'survey' : ext === 'xlsx' ? 'xlsx' : 'csv';
      break;
    }
    case 'doc':
      throw new ImportError(fileName, 'old Word .doc files cannot be read; open it in Word or LibreOffice and save it as .docx');
    case 'xls':
      throw new ImportError(fileName, 'old Excel .xls files cannot be read; save it as .xlsx or .csv');
    case 'rtf':
      throw new ImportError(fileName, 'Rich Text files cannot be read; save it as .docx or .txt');
    case 'pdf':
      throw new ImportError(fileName, 'PDF files are not imported as transcripts; export the text as .docx or .txt');
    case 'qdpx':
    case 'qdc':
      throw new ImportError(fileName, 'this is a REFI-QDA project or codebook, not a transcript; open or merge it as a project');
    default:
      throw new ImportError(fileName, `files of type '${ext ? '.' + ext : 'without an extension'}' are not supported (supported: ${SUPPORTED_EXTENSIONS.map((e) => '.' + e).join(', ')})`);
  }
  documents = documents.filter((d) => d.structure.text.trim());
  if (documents.length === 0) throw new ImportError(fileName, 'the file contains no text to import');
  return summarise({ fileName, format, ...(encoding ? { encoding } : {}), bytes: bytes.length, documents, warnings, ...(table ? { table } : {}) });
}

function summarise(p: Omit<ImportPreview, 'speakers' | 'turns' | 'chars'> & Partial<ImportPreview>): ImportPreview {
  const speakers = new Map<string, SpeakerSummary>();
  let turns = 0;
  let chars = 0;
  for (const doc of p.documents) {
    chars += doc.structure.text.length;
    const roles = new Map(doc.structure.speakers.map((s) => [s.name, s.role]));
    for (const t of doc.structure.turns) {
      turns++;
      const s = speakers.get(t.speaker) ?? { name: t.speaker, role: roles.get(t.speaker) ?? guessSpeakerRole(t.speaker), turns: 0, chars: 0 };
      s.turns++;
      s.chars += t.end - t.start;
      speakers.set(t.speaker, s);
    }
  }
  return { ...p, speakers: [...speakers.values()], turns, chars } as ImportPreview;
}

/**
 * The user's corrections: renamed and merged speakers, who the interviewer is, which
 * case each respondent belongs to. Texts built from utterances are rebuilt so their
 * labels show the new names; texts kept as typed keep their labels and only the turns
 * change speaker.
 */
export function applyPreview(preview: ImportPreview, edits: PreviewEdits): ImportPreview {
  const rename = edits.rename ?? {};
  const merge = edits.merge ?? {};
  const finalName = (name: string): string => {
    const renamed = rename[name]?.trim() || name;
    return merge[renamed]?.trim() || merge[name]?.trim() || renamed;
  };
  const documents = preview.documents.map((doc): PreviewDocument => {
    const oldRoles = new Map(doc.structure.speakers.map((s) => [s.name, s.role]));
    const roleOf = (name: string, original: string) =>
      edits.interviewer ? (edits.interviewer.includes(name) ? 'interviewer' : 'respondent') : (oldRoles.get(original) ?? guessSpeakerRole(name));
    let structure: TranscriptStructure;
    let utterances = doc.utterances;
    if (utterances) {
      utterances = utterances.map((u) => (u.speaker === null ? u : { ...u, speaker: finalName(u.speaker) }));
      structure = composeTranscript(utterances);
    } else {
      const turns = doc.structure.turns.map((t) => ({ ...t, speaker: finalName(t.speaker) }));
      const order = [...new Set(turns.map((t) => t.speaker))];
      structure = { ...doc.structure, turns, speakers: order.map((name) => ({ name, role: 'respondent' as const })) };
    }
    const originalOf = new Map<string, string>();
    for (const s of doc.structure.speakers) if (!originalOf.has(finalName(s.name))) originalOf.set(finalName(s.name), s.name);
    structure = {
      ...structure,
      speakers: structure.speakers.map((s) => ({ name: s.name, role: roleOf(s.name, originalOf.get(s.name) ?? s.name) })),
    };
    return { ...doc, structure, ...(utterances ? { utterances } : {}) };
  });
  const speakerCases: Record<string, string> = {};
  for (const [speaker, caseName] of Object.entries(edits.speakerCase ?? {})) {
    if (caseName.trim()) speakerCases[finalName(speaker)] = caseName.trim();
  }
  const { speakers: _s, turns: _t, chars: _c, ...rest } = preview;
  return summarise({ ...rest, documents, ...(Object.keys(speakerCases).length ? { speakerCases } : {}) });
}
