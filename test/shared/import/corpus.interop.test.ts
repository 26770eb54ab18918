/**
 * Every file of the shared reference corpus, imported as a user would drop it in, and
 * checked for what a reader of the result sees: who speaks, how many turns, the first
 * and last words, no leftover markup, and non-ASCII characters intact.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { applyChanges } from '../../../shared/model/changes';
import { speakerNames } from '../../../shared/model/project';
import { importFiles } from '../../../shared/import';
import { CORPUS, corpusFile, freshProject, paragraphTexts, STRAY_MARKUP, testContext, turnTexts } from './helpers';

async function importOne(name: string) {
  const ctx = testContext();
  const project = freshProject(ctx);
  const { set, report } = await importFiles(project, ctx, [{ name, bytes: corpusFile(name) }]);
  const after = applyChanges(project, set);
  return { after, report: report.files[0]! };
}

describe('reference corpus import', () => {
  it('covers every data file in the corpus', async () => {
    const files = readdirSync(CORPUS).filter((f) => f !== 'SOURCES.md').sort();
    const ctx = testContext();
    const project = freshProject(ctx);
    const { report } = await importFiles(project, ctx, files.map((name) => ({ name, bytes: corpusFile(name) })));
    // The subset's conversations are byte-for-byte conversations of the full file, so all eight are recognised as already imported.
    expect(report.files.map((f) => [f.fileName, f.status])).toEqual(
      files.map((f) => [f, f === 'annomi_substance_use_subset.csv' ? 'duplicate' : 'imported']),
    );
    const subset = report.files.find((f) => f.fileName === 'annomi_substance_use_subset.csv')!;
    expect(subset.duplicates).toHaveLength(8);
    expect(subset.duplicates[0]).toEqual({ name: 'annomi_substance_use_subset – transcript_id 0', existing: 'annomi_simple_full – transcript_id 0' });
  });

  it('qualcoder_transcript.txt: three bracketed speakers in seven turns, labels kept in the text only', async () => {
    const { after, report } = await importOne('qualcoder_transcript.txt');
    const source = after.sources[0]!;
    expect(report.sources[0]).toMatchObject({ speakers: ['id1', 'id2', 'id3'], turns: 7 });
    expect(source.format).toBe('txt');
    const turns = turnTexts(source);
    expect(turns.map((t) => t.speaker)).toEqual(['id1', 'id2', 'id3', 'id1', 'id3', 'id1', 'id2']);
    expect(turns[0]!.text).toBe(
      "hello, I like the course. It really helped me with understanding world's history and gave me an insight into how did people cope with the complexities of life in the past.",
    );
    expect(turns.at(-1)!.text).toBe('Hmm, I will ask the tutor for more help as I am really struggling.');
    expect(turns.every((t) => !t.text.includes('['))).toBe(true);
    expect(source.text.startsWith('[id1] hello')).toBe(true);
    expect(source.speakers.every((s) => s.role === 'respondent')).toBe(true);
    expect(source.paragraphs).toHaveLength(7);
  });

  it('qualcoder_ID1.docx: a narrative in three paragraphs with the euro sign intact', async () => {
    const { after, report } = await importOne('qualcoder_ID1.docx');
    const source = after.sources[0]!;
    expect(report.sources[0]).toMatchObject({ name: 'qualcoder_ID1', speakers: [], turns: 0 });
    expect(source.turns).toEqual([]);
    const paragraphs = paragraphTexts(source);
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toBe(
      'I really like learning new things. I think this course is good for me as I have wanted to learn about world history for a while. The structured content, lecture slides and web links have been really good.',
    );
    expect(paragraphs[1]).toContain("its like a duck to water for me - no problem at all.");
    expect(paragraphs[2]!.endsWith("I'm happy to pay €200.")).toBe(true);
    expect(source.text).not.toMatch(STRAY_MARKUP);
  });

  it('qualcoder_ID2.odt: three paragraphs, spans joined without gaps, euro sign intact', async () => {
    const { after } = await importOne('qualcoder_ID2.odt');
    const source = after.sources[0]!;
    const paragraphs = paragraphTexts(source);
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toBe(
      'I have not studied much before, but my father Joe Bloggs really encouraged me to study again. I know that I must get help as I have struggled understanding the lecture slides so far and searching the web did not help.',
    );
    expect(paragraphs[1]).toBe('I really want someone to sit down with me and explain the course material.');
    expect(paragraphs[2]).toBe('The course cost €200.00 and I do not want to waste my money.');
    expect(source.turns).toEqual([]);
    expect(source.text).not.toMatch(STRAY_MARKUP);
  });

  it('qualcoder_survey456.csv: one source per respondent, the free text as codable text, the rest as typed attributes', async () => {
    const { after, report } = await importOne('qualcoder_survey456.csv');
    expect(report.sources.map((s) => s.name)).toEqual(['qualcoder_survey456 – ID4', 'qualcoder_survey456 – ID5', 'qualcoder_survey456 – ID6']);
    expect(after.sources.every((s) => s.format === 'survey')).toBe(true);
    const answers = after.sources.map((s) => turnTexts(s));
    expect(answers[0]).toEqual([
      { speaker: 'freetext', text: 'I wanted to do some more studies but after leaving school and start working, I really lost the interest.' },
    ]);
    // The quoted answer's trailing space is not part of what the respondent said.
    expect(answers[2]![0]!.text.endsWith('doing my gardening.')).toBe(true);
    const attr = Object.fromEntries(after.attributes.map((a) => [a.name, a]));
    expect(Object.keys(attr).sort()).toEqual(['Age', 'Gender', 'Interest']);
    expect(attr.Age!.type).toBe('integer');
    const cases = Object.fromEntries(after.cases.map((c) => [c.name, c]));
    expect(Object.keys(cases)).toEqual(['ID4', 'ID5', 'ID6']);
    expect(cases.ID4!.values).toEqual({ [attr.Age!.id]: '24', [attr.Gender!.id]: 'f', [attr.Interest!.id]: 'shopping' });
    // ID5 left Age empty: no value rather than an invented one.
    expect(cases.ID5!.values[attr.Age!.id]).toBeUndefined();
    expect(after.sources.map((s) => after.cases.find((c) => c.id === s.caseId)?.name)).toEqual(['ID4', 'ID5', 'ID6']);
  });

  it('annomi_substance_use_subset.csv: one source per conversation, therapist and client turns with times and conversation attributes', async () => {
    const { after, report } = await importOne('annomi_substance_use_subset.csv');
    const rows = Papa.parse<Record<string, string>>(new TextDecoder().decode(corpusFile('annomi_substance_use_subset.csv')), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const perConversation = new Map<string, Record<string, string>[]>();
    for (const r of rows) perConversation.set(r.transcript_id!, [...(perConversation.get(r.transcript_id!) ?? []), r]);
    expect([...perConversation.keys()]).toEqual(['0', '8', '9', '11', '15', '55', '62', '63']);
    expect(after.sources).toHaveLength(8);
    expect(report.sources.reduce((n, s) => n + s.turns, 0)).toBe(318);
    for (const [id, group] of perConversation) {
      const source = after.sources.find((s) => s.name === `annomi_substance_use_subset – transcript_id ${id}`)!;
      expect(source.turns).toHaveLength(group.length);
      const turns = turnTexts(source);
      expect(turns[0]).toEqual({ speaker: group[0]!.interlocutor, text: group[0]!.utterance_text!.trim() });
      expect(turns.at(-1)).toEqual({ speaker: group.at(-1)!.interlocutor, text: group.at(-1)!.utterance_text!.trim() });
      expect(speakerNames(source).sort()).toEqual(['client', 'therapist']);
      expect(source.speakers.find((s) => s.name === 'therapist')!.role).toBe('interviewer');
    }
    const first = after.sources[0]!;
    expect(first.turns[0]).toMatchObject({ speaker: 'therapist', timeMs: 13_000 });
    expect(turnTexts(first)[0]!.text.startsWith('Thanks for filling it out.')).toBe(true);
    const last = after.sources.at(-1)!;
    expect(turnTexts(last).at(-1)).toEqual({ speaker: 'client', text: 'Yeah, sure.' });
    expect(last.turns.at(-1)!.timeMs).toBe(6 * 60_000 + 25_000);
    // Non-ASCII dashes survive decoding.
    expect(after.sources.find((s) => s.name.endsWith('transcript_id 8'))!.text).toContain('second-hand smoke and—');
    const topic = after.attributes.find((a) => a.name === 'topic')!;
    const kase = after.cases.find((c) => c.id === last.caseId)!;
    expect(kase.name).toBe('transcript_id 63');
    expect(kase.values[topic.id]).toBe('reducing drug use');
    expect(after.attributes.map((a) => a.name).sort()).toEqual(['mi_quality', 'topic', 'video_title', 'video_url']);
  });

  it('annomi_simple_full.csv: 133 conversations and 9,699 turns, curly quotes intact, one bad time reported', async () => {
    const { after, report } = await importOne('annomi_simple_full.csv');
    expect(after.sources).toHaveLength(133);
    expect(after.sources.reduce((n, s) => n + s.turns.length, 0)).toBe(9699);
    expect(after.sources.some((s) => s.text.includes('that’s goo'))).toBe(true);
    expect(after.sources.some((s) => /â€|Ã/.test(s.text))).toBe(false);
    expect(report.warnings.some((w) => w.includes("1 time value not understood in column 'timestamp'"))).toBe(true);
  });

  it('webvttpy_captions_with_bom.vtt: four caption paragraphs, no BOM, header or cue timings', async () => {
    const { after } = await importOne('webvttpy_captions_with_bom.vtt');
    const source = after.sources[0]!;
    expect(paragraphTexts(source)).toEqual(['Caption text #1', 'Caption text #2', 'Caption text #3', 'Caption text #4']);
    expect(source.turns).toEqual([]);
    expect(source.paragraphs.map((p) => p.timeMs)).toEqual([500, 7_000, 11_890, 16_320]);
    expect(source.text).not.toMatch(STRAY_MARKUP);
  });

  it('webvttpy_youtube_dl.vtt: rolling auto-captions collapse to each line once, without word timings or colour tags', async () => {
    const { after } = await importOne('webvttpy_youtube_dl.vtt');
    const source = after.sources[0]!;
    expect(paragraphTexts(source)).toEqual(['yeah', 'what', "this will happen is I'm telling"]);
    expect(source.paragraphs.map((p) => p.timeMs)).toEqual([286_070, 286_470, 304_080]);
    expect(source.text).not.toMatch(STRAY_MARKUP);
    expect(source.text).not.toMatch(/Kind:|Language:|::cue|##/);
  });

  it('webvttpy_sample.srt: five captions, no cue numbers or timings', async () => {
    const { after } = await importOne('webvttpy_sample.srt');
    const source = after.sources[0]!;
    expect(paragraphTexts(source)).toEqual(['Caption text #1', 'Caption text #2', 'Caption text #3', 'Caption text #4', 'Caption text #5']);
    expect(source.turns).toEqual([]);
    expect(source.paragraphs.map((p) => p.timeMs)).toEqual([500, 7_000, 11_890, 16_320, 21_580]);
    expect(source.text).not.toMatch(/^\d+$/m);
    expect(source.text).not.toMatch(STRAY_MARKUP);
  });
});
