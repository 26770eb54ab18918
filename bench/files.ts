/**
 * Writing the study's transcripts to disk in the formats and speaker conventions that
 * researchers bring: plain text (Name:, Interviewer:/Respondent:, Q:/A:, [id1], P07:),
 * Word, WebVTT with voice tags, and a spreadsheet with one utterance per row.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import type { CaseRow, TranscriptPlan } from './study';

const FIXED_DATE = '2026-01-05T09:00:00Z';

function clock(ms: number, separator: '.' | ''): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return separator ? `${two(h)}:${two(m)}:${two(s)}.${String(ms % 1000).padStart(3, '0')}` : `${two(h)}:${two(m)}:${two(s)}`;
}

function label(plan: TranscriptPlan, speaker: string): string {
  return plan.kind === 'txt:bracket-id' ? `[${speaker}] ` : `${speaker}: `;
}

function plainText(plan: TranscriptPlan): string {
  // A turn that runs over several paragraphs has its label on the first only.
  return plan.utterances.map((u) => `${label(plan, u.speaker ?? '')}${u.text}`).join('\n\n') + '\n';
}

function webVtt(plan: TranscriptPlan): string {
  const out = ['WEBVTT', ''];
  plan.utterances.forEach((u, i) => {
    const words = u.text.split(' ');
    const start = u.timeMs ?? 0;
    const next = plan.utterances[i + 1]?.timeMs ?? start + words.length * 400;
    // Captions come in short cues; one utterance spans several with the same voice.
    const cues = Math.ceil(words.length / 14);
    for (let c = 0; c < cues; c++) {
      const from = start + Math.round(((next - start) * c) / cues);
      const to = start + Math.round(((next - start) * (c + 1)) / cues);
      out.push(`${clock(from, '.')} --> ${clock(to, '.')}`, `<v ${u.speaker}>${words.slice(c * 14, (c + 1) * 14).join(' ')}`, '');
    }
  });
  return out.join('\n');
}

function rows(plan: TranscriptPlan): string {
  return Papa.unparse({
    fields: ['speaker', 'timestamp', 'text'],
    data: plan.utterances.map((u) => [u.speaker, clock(u.timeMs ?? 0, ''), u.text]),
  });
}

async function word(plan: TranscriptPlan): Promise<Uint8Array> {
  const paragraphs = plan.utterances.flatMap((u) => {
    const [first = '', ...rest] = u.text.split('\n');
    return [
      new Paragraph({ children: [new TextRun({ text: `${u.speaker}:`, bold: true }), new TextRun(` ${first}`)] }),
      ...rest.map((line) => new Paragraph(line)),
    ];
  });
  const doc = new Document({ creator: 'Lantern QDA benchmark', sections: [{ children: paragraphs }] });
  const packed = unzipSync(new Uint8Array(await Packer.toArrayBuffer(doc)));
  // The docx package stamps the current time into the zip and core.xml; pin both so the same seed gives the same bytes.
  const core = packed['docProps/core.xml'];
  if (core) {
    packed['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${FIXED_DATE}`),
    );
  }
  // Zip times are local wall-clock fields, so build the date from local fields to get the same bytes in any time zone.
  const mtime = new Date(2026, 0, 5, 9, 0, 0);
  const entries = Object.fromEntries(Object.keys(packed).sort().map((name) => [name, [packed[name]!, { mtime }] as const]));
  return zipSync(entries as Parameters<typeof zipSync>[0], { level: 6 });
}

const encoder = new TextEncoder();

export async function renderFile(plan: TranscriptPlan): Promise<Uint8Array> {
  switch (plan.kind.split(':')[0]) {
    case 'docx':
      return word(plan);
    case 'vtt':
      return encoder.encode(webVtt(plan));
    case 'csv':
      return encoder.encode(rows(plan));
    default: {
      let text = plainText(plan);
      if (plan.crlf) text = text.replace(/\n/g, '\r\n');
      return encoder.encode(plan.bom ? `\ufeff${text}` : text);
    }
  }
}

/** The attributes file, keyed by file name (its first column), with the case name beside it. */
export function attributesCsv(caseRows: readonly CaseRow[]): string {
  return Papa.unparse({
    fields: ['file', 'case', 'participant type', 'site', 'role', 'years involved'],
    data: caseRows.map((r) => [r.file, r.case, r.participantType, r.site, r.role, String(r.yearsInvolved)]),
  });
}
