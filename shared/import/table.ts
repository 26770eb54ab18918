/**
 * Row files (.csv, .xlsx) to documents. Two shapes are common: one utterance per row
 * (speaker, text, time; e.g. AnnoMI, oral-history exports) and one respondent per row
 * (a survey: open-ended answers plus closed questions). The first becomes transcripts,
 * split per conversation when a column says which; the second becomes one source per
 * respondent whose open-ended answers are turns labelled by the question, while the
 * other columns become the respondent's case attributes.
 */
import Papa from 'papaparse';
import type { Utterance } from '../text/compose';
import { composeTranscript } from '../text/compose';
import { ImportError } from './errors';
import { parseTimeCell } from './time';
import { withRoles } from './turns';
import type { AnalyzeOptions, ColumnMapping, PreviewDocument, TableInfo, TableMode } from './types';

const norm = (h: string) => h.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '');

const SPEAKER_NAMES = ['speaker', 'interlocutor', 'speaker_name', 'speaker_id', 'speaker_label', 'talker', 'who', 'voice'];
const TEXT_NAMES = [
  'text', 'statement', 'utterance', 'utterance_text', 'transcript', 'transcript_text', 'words', 'content', 'message',
  'dialogue', 'dialog', 'sentence', 'speech', 'caption', 'turn_text', 'utterance_content',
];
const TIME_NAMES = ['timestamp', 'time', 'start', 'start_time', 'starttime', 'begin', 'time_code', 'timecode', 'time_stamp', 'start_timestamp'];
const SPLIT_NAMES = [
  'transcript_id', 'conversation', 'conversation_id', 'case', 'case_id', 'caseid', 'session', 'session_id', 'interview',
  'interview_id', 'dialog_id', 'dialogue_id', 'document', 'document_id', 'file', 'filename', 'transcript_name',
];
const RESPONDENT_NAMES = [
  'case', 'case_id', 'caseid', 'case_name', 'id', 'respondent', 'respondent_id', 'participant', 'participant_id',
  'responseid', 'response_id', 'record_id', 'name', 'subject', 'subject_id', 'pid', 'interviewee',
];
const OPEN_NAME = /(^|_)(text|comment|comments|explain|describe|why|reason|feedback|free|freetext|open|other|specify|response|answer|remarks|notes)(_|$)/;

export function readCsvRows(text: string, fileName: string): { rows: string[][]; warnings: string[] } {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const warnings: string[] = [];
  if (result.errors.some((e) => e.code === 'MissingQuotes'))
    warnings.push('a quoted field is never closed (the file may be truncated); the rest of the file was read as that field');
  if (!result.data.length) throw new ImportError(fileName, 'the file has no rows');
  return { rows: result.data, warnings };
}

function uniqueHeaders(row: string[]): string[] {
  const seen = new Map<string, number>();
  return row.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

function findColumn(headers: string[], names: string[], exclude: Set<string>): string | undefined {
  for (const name of names) {
    const hit = headers.find((h) => norm(h) === name && !exclude.has(h));
    if (hit) return hit;
  }
  return undefined;
}

function requireColumn(headers: string[], wanted: string, role: string, fileName: string): string {
  const hit = headers.find((h) => h === wanted) ?? headers.find((h) => h.toLowerCase() === wanted.trim().toLowerCase());
  if (!hit) throw new ImportError(fileName, `the column '${wanted}' given for ${role} is not in the file (its columns: ${headers.join(', ')})`);
  return hit;
}

interface ColumnStats {
  filled: number;
  avgLength: number;
  avgWords: number;
  distinct: number;
  numeric: boolean;
}

function stats(values: string[]): ColumnStats {
  const filled = values.filter((v) => v.trim());
  const length = filled.reduce((n, v) => n + v.trim().length, 0);
  const words = filled.reduce((n, v) => n + v.trim().split(/\s+/).length, 0);
  return {
    filled: filled.length,
    avgLength: filled.length ? length / filled.length : 0,
    avgWords: filled.length ? words / filled.length : 0,
    distinct: new Set(filled.map((v) => v.trim())).size,
    numeric: filled.length > 0 && filled.every((v) => /^[+-]?[\d.,:/ -]+$/.test(v.trim())),
  };
}

/** Open-ended answers are long or wordy and differ between respondents; closed answers repeat. */
function looksOpenEnded(header: string, s: ColumnStats): boolean {
  if (s.filled === 0 || s.numeric) return false;
  const varied = s.filled < 4 || s.distinct >= s.filled * 0.5;
  if (s.avgLength >= 40 && varied) return true;
  if (s.avgWords >= 4 && varied) return true;
  // A question as header ("Anything else?") with answers that are phrases, each different.
  if (header.trim().endsWith('?') && s.avgWords >= 2 && s.distinct >= s.filled * 0.8) return true;
  return OPEN_NAME.test(norm(header)) && s.avgLength >= 8 && varied;
}

export interface TableResult {
  documents: PreviewDocument[];
  table: TableInfo;
  warnings: string[];
}

export function tableDocuments(
  allRows: string[][],
  baseName: string,
  fileName: string,
  options: AnalyzeOptions = {},
  numbersAreDays = false,
): TableResult {
  const start = allRows.findIndex((r) => r.some((c) => c.trim()));
  if (start < 0) throw new ImportError(fileName, 'the file has no rows');
  const headers = uniqueHeaders(allRows[start]!);
  const rows = allRows.slice(start + 1).filter((r) => r.some((c) => c.trim()));
  if (rows.length === 0) throw new ImportError(fileName, 'the file has a header row but no data rows');
  const column = (name: string) => {
    const i = headers.indexOf(name);
    return rows.map((r) => (r[i] ?? '').trim());
  };
  const given = options.columns ?? {};
  const mapping: ColumnMapping = {};
  for (const role of ['speaker', 'text', 'time', 'case'] as const) {
    const wanted = given[role];
    if (wanted) mapping[role] = requireColumn(headers, wanted, role, fileName);
  }
  const used = () => new Set(Object.values(mapping).filter((v): v is string => !!v));
  mapping.speaker ??= findColumn(headers, SPEAKER_NAMES, used());
  mapping.text ??= findColumn(headers, TEXT_NAMES, used());

  const mode: TableMode = options.mode ?? (mapping.speaker || given.text ? 'utterances' : 'survey');
  if (mode === 'utterances') {
    mapping.time ??= findColumn(headers, TIME_NAMES, used());
    if (!mapping.case) {
      const split = findColumn(headers, SPLIT_NAMES, used());
      // A column unique on every row is a row id, not a conversation.
      if (split && new Set(column(split)).size <= rows.length / 2) mapping.case = split;
    }
    if (!mapping.text) {
      throw new ImportError(
        fileName,
        `no text column: none of the columns (${headers.join(', ')}) is recognised as the spoken text; choose the text column (CLI: --columns text=NAME)`,
        headers,
      );
    }
    return utteranceDocuments(headers, rows, mapping, baseName, numbersAreDays);
  }
  delete mapping.speaker;
  delete mapping.time;
  mapping.case ??= findColumn(headers, RESPONDENT_NAMES, used());
  if (!mapping.case) {
    const unique = headers.find((h) => {
      const values = column(h);
      const s = stats(values);
      return s.filled === rows.length && s.distinct === rows.length && s.avgLength <= 40 && !looksOpenEnded(h, s);
    });
    if (unique) mapping.case = unique;
  }
  const candidates = headers.filter((h) => h !== mapping.case);
  const openEnded = options.openEnded
    ? options.openEnded.map((h) => requireColumn(headers, h, 'an open-ended answer', fileName))
    : mapping.text
      ? [mapping.text, ...candidates.filter((h) => h !== mapping.text && looksOpenEnded(h, stats(column(h))))]
      : candidates.filter((h) => looksOpenEnded(h, stats(column(h))));
  if (openEnded.length === 0) {
    throw new ImportError(
      fileName,
      `no text column: none of the columns (${headers.join(', ')}) holds open-ended text or utterances; choose the text column (CLI: --columns text=NAME)`,
      headers,
    );
  }
  return surveyDocuments(headers, rows, mapping, openEnded, baseName);
}

function utteranceDocuments(
  headers: string[],
  rows: string[][],
  mapping: ColumnMapping,
  baseName: string,
  numbersAreDays: boolean,
): TableResult {
  const at = (name: string | undefined) => (name ? headers.indexOf(name) : -1);
  const [si, ti, mi, ci] = [at(mapping.speaker), at(mapping.text), at(mapping.time), at(mapping.case)];
  const groups = new Map<string, string[][]>();
  for (const row of rows) {
    const key = ci >= 0 ? (row[ci] ?? '').trim() : '';
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  const warnings: string[] = [];
  const mapped = new Set(Object.values(mapping));
  const other = headers.filter((h) => !mapped.has(h));
  // Columns constant within every conversation describe the conversation: they become its case attributes.
  const caseColumns = ci < 0 ? [] : other.filter((h) => {
    const i = headers.indexOf(h);
    return [...groups.values()].every((g) => g.every((r) => (r[i] ?? '').trim() === (g[0]![i] ?? '').trim()));
  });
  const dropped = other.filter((h) => !caseColumns.includes(h));
  if (dropped.length) warnings.push(`columns not imported (they vary from row to row): ${dropped.join(', ')}`);
  let emptyRows = 0;
  let untimed = 0;
  const documents: PreviewDocument[] = [];
  for (const [key, group] of groups) {
    const utterances: Utterance[] = [];
    for (const row of group) {
      const text = (row[ti] ?? '').trim();
      if (!text) {
        emptyRows++;
        continue;
      }
      const speaker = si >= 0 ? (row[si] ?? '').trim() || null : null;
      const rawTime = mi >= 0 ? (row[mi] ?? '').trim() : '';
      const timeMs = rawTime ? parseTimeCell(rawTime, numbersAreDays) : undefined;
      if (rawTime && timeMs === undefined) untimed++;
      utterances.push({ speaker, text, ...(timeMs !== undefined ? { timeMs } : {}) });
    }
    if (!utterances.length) continue;
    const caseName = ci >= 0 ? (/^\d+$/.test(key) ? `${mapping.case} ${key}` : key || `${mapping.case} (none)`) : undefined;
    const caseValues: Record<string, string> = {};
    for (const h of caseColumns) {
      const v = (group[0]![headers.indexOf(h)] ?? '').trim();
      if (v) caseValues[h] = v;
    }
    documents.push({
      name: caseName ? `${baseName} – ${caseName}` : baseName,
      structure: withRoles(composeTranscript(utterances)),
      utterances,
      ...(caseName ? { caseName, caseValues } : {}),
    });
  }
  if (emptyRows) warnings.push(`${emptyRows} row${emptyRows === 1 ? '' : 's'} without text skipped`);
  if (untimed) warnings.push(`${untimed} time value${untimed === 1 ? '' : 's'} not understood in column '${mapping.time}'`);
  return {
    documents,
    warnings,
    table: { headers, mode: 'utterances', mapping, openEnded: [mapping.text!], attributeColumns: caseColumns, rowCount: rows.length },
  };
}

function surveyDocuments(headers: string[], rows: string[][], mapping: ColumnMapping, openEnded: string[], baseName: string): TableResult {
  const ci = mapping.case ? headers.indexOf(mapping.case) : -1;
  const attributeColumns = headers.filter((h) => h !== mapping.case && !openEnded.includes(h));
  const documents: PreviewDocument[] = [];
  const names = new Set<string>();
  let silent = 0;
  rows.forEach((row, r) => {
    let respondent = ci >= 0 ? (row[ci] ?? '').trim() : '';
    if (!respondent) respondent = `Row ${r + 1}`;
    if (names.has(respondent)) respondent = `${respondent} (row ${r + 1})`;
    names.add(respondent);
    const utterances: Utterance[] = openEnded
      .map((h) => ({ speaker: h, text: (row[headers.indexOf(h)] ?? '').trim() }))
      .filter((u) => u.text);
    if (!utterances.length) {
      silent++;
      return;
    }
    const caseValues: Record<string, string> = {};
    for (const h of attributeColumns) {
      const v = (row[headers.indexOf(h)] ?? '').trim();
      if (v) caseValues[h] = v;
    }
    const structure = composeTranscript(utterances);
    documents.push({
      name: `${baseName} – ${respondent}`,
      // The labels are questions, not people: every answer is the respondent's.
      structure: { ...structure, speakers: structure.speakers.map((s) => ({ ...s, role: 'respondent' as const })) },
      utterances,
      caseName: respondent,
      caseValues,
    });
  });
  const warnings = silent ? [`${silent} respondent${silent === 1 ? '' : 's'} left every open-ended question blank and ${silent === 1 ? 'was' : 'were'} skipped`] : [];
  return { documents, warnings, table: { headers, mode: 'survey', mapping, openEnded, attributeColumns, rowCount: rows.length } };
}
