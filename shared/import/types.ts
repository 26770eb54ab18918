/** What an import looks like before it touches the project: shown to the user, edited, then committed. */
import type { SourceFormat, SpeakerRole } from '../model/schema';
import type { TranscriptStructure, Utterance } from '../text/compose';

/** Which spreadsheet columns hold what; names are column headers as written in the file. */
export interface ColumnMapping {
  speaker?: string;
  text?: string;
  time?: string;
  /** Splits rows into one source per value (e.g. AnnoMI's transcript_id), or names the respondent in a survey. */
  case?: string;
}

export type TableMode = 'utterances' | 'survey';

export interface AnalyzeOptions {
  /** Columns chosen by the user; the rest are recognised from their names. */
  columns?: ColumnMapping;
  /** Force one utterance per row or one respondent per row. */
  mode?: TableMode;
  /** Survey columns that hold open-ended answers (overrides the length and variety guess). */
  openEnded?: string[];
}

/** How a row file was read, for the column-mapping controls. */
export interface TableInfo {
  headers: string[];
  mode: TableMode;
  mapping: ColumnMapping;
  openEnded: string[];
  /** Columns that became case attributes. */
  attributeColumns: string[];
  rowCount: number;
}

export interface PreviewDocument {
  name: string;
  structure: TranscriptStructure;
  /** Present when the text was built from utterances, so renaming a speaker can relabel it in the text. */
  utterances?: Utterance[];
  /** The case this source belongs to (a survey respondent, a conversation of a row file). */
  caseName?: string;
  /** Attribute name -> value for that case. */
  caseValues?: Record<string, string>;
}

export interface SpeakerSummary {
  name: string;
  role: SpeakerRole;
  turns: number;
  /** Characters spoken (the turns' spans). */
  chars: number;
}

export interface ImportPreview {
  fileName: string;
  format: SourceFormat;
  /** Text encoding for text files: utf-8, utf-16le, utf-16be, windows-1252. */
  encoding?: string;
  bytes: number;
  documents: PreviewDocument[];
  speakers: SpeakerSummary[];
  turns: number;
  chars: number;
  warnings: string[];
  table?: TableInfo;
  /** Speaker -> case name, chosen by the user; each case is created if the project lacks it. */
  speakerCases?: Record<string, string>;
}

export interface PreviewEdits {
  /** Old speaker name -> new name. Renaming two speakers to one name merges them. */
  rename?: Record<string, string>;
  /** Speaker -> the speaker it joins (applied after rename). */
  merge?: Record<string, string>;
  /** Speakers (final names) who ask the questions; everyone else is a respondent. Absent: keep the guess. */
  interviewer?: string[];
  /** Speaker (final name) -> case name. */
  speakerCase?: Record<string, string>;
}
