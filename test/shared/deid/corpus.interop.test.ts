/**
 * Find on real transcripts: the AnnoMI substance-use conversations and QualCoder's
 * examples from ../shared/corpus, with invented identifiers of every category seeded into
 * client turns. Recall is per seeded category; precision per category found, counting a
 * hit as right only when it lies on a seeded identifier (so real names already in the
 * corpus count against it: a lower bound). The table is printed for the record.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { DeidCategory } from '../../../shared/deid';
import { applyDeidentification, checkCodings, findCandidates } from '../../../shared/deid';
import { compromiseFinder } from '../../../shared/deid/compromise';
import { readOdt } from '../../../shared/import/odt';
import { emptyProject } from '../../../shared/model/project';
import type { Project } from '../../../shared/model/schema';
import { composeTranscript } from '../../../shared/text/compose';

const SHARED = process.env.LANTERN_SHARED ?? resolve(__dirname, '../../../../shared');
const corpus = (name: string) => readFileSync(resolve(SHARED, 'corpus', name));

/** Invented identifiers, each used once, in sentences written for this test. */
const SEEDS: { category: DeidCategory; values: string[]; template: (v: string) => string }[] = [
  { category: 'person', values: ['Darnell Hughes', 'Priya Raman', 'Kendra Lowe', 'Tomasz Nowak', 'Lucia Ferreira', 'Andre Whitaker', 'Megan Doyle', 'Samir Haddad'], template: (v) => `My friend ${v} keeps calling me about it.` },
  { category: 'officer', values: ['Officer Kowalski', 'Sergeant Baptiste', 'Detective Oyelaran', 'Deputy Marchetti'], template: (v) => `${v} stopped me again last week.` },
  { category: 'place', values: ['Toledo', 'Kalamazoo', 'East Lansing', 'Fresno', 'Millbrook Heights', 'Bakersfield'], template: (v) => `We moved out to ${v} last spring.` },
  { category: 'organisation', values: ['Lighthouse Recovery Center', 'Bridgeway Clinic', 'Hope Street Ministries', 'Cornerstone Treatment Services', 'Westside Methadone Program'], template: (v) => `I go to the meetings at ${v} on Thursdays.` },
  { category: 'phone', values: ['(419) 555-0187', '313-555-0122', '555-0199', '+1 616 555 0143'], template: (v) => `You can reach me at ${v} most days.` },
  { category: 'email', values: ['dhughes77@examplemail.com', 'k.lowe@mailbox.example.net'], template: (v) => `Just email me at ${v} if that is easier.` },
  { category: 'date', values: ['March 3, 2021', '11/14/1989', '2022-08-19', '7 January 2020'], template: (v) => `My court date was ${v}, I remember it.` },
  { category: 'age', values: ['94', '91', '97'], template: (v) => `My grandfather is ${v} years old now.` },
  { category: 'address', values: ['4418 Maple Street', '27 N Orchard Avenue', '903 Lakeview Drive'], template: (v) => `I'm staying at ${v} for now.` },
  { category: 'id', values: ['2021-CR-00931', '19-DR-4471', '58301177'], template: (v) => `My case number is ${v}.` },
  { category: 'url', values: ['https://www.recovery-example.org/meetings', 'www.soberliving-example.com'], template: (v) => `I found it on ${v} actually.` },
];

interface Seed {
  category: DeidCategory;
  value: string;
  sourceId: string;
  start: number;
  end: number;
}

function buildProject(): { project: Project; seeds: Seed[] } {
  const project = emptyProject({ id: '00000000-0000-4000-8000-00000000a000', name: 'corpus', now: '2026-12-07T00:00:00Z' });
  const rows = Papa.parse<Record<string, string>>(corpus('annomi_substance_use_subset.csv').toString('utf8'), { header: true, skipEmptyLines: true }).data;
  const byTranscript = new Map<string, { speaker: string; text: string }[]>();
  for (const r of rows) {
    const list = byTranscript.get(r.transcript_id!) ?? [];
    list.push({ speaker: r.interlocutor === 'therapist' ? 'Therapist' : 'Client', text: r.utterance_text! });
    byTranscript.set(r.transcript_id!, list);
  }
  const pending: { category: DeidCategory; value: string; sentence: string; transcript: number }[] = [];
  const all = SEEDS.flatMap((s) => s.values.map((value) => ({ category: s.category, value, sentence: s.template(value) })));
  const transcripts = [...byTranscript.values()];
  // Spread the seeds over the client turns of all transcripts, one per turn.
  let k = 0;
  transcripts.forEach((turns, t) => {
    turns.forEach((turn, i) => {
      if (turn.speaker === 'Client' && i % 3 === 1 && k < all.length) {
        turn.text = `${turn.text} ${all[k]!.sentence}`;
        pending.push({ ...all[k]!, transcript: t });
        k++;
      }
    });
  });
  expect(k).toBe(all.length);
  const odt = readOdt(corpus('qualcoder_ID2.odt'), 'qualcoder_ID2.odt');
  const texts = [...transcripts.map((turns) => composeTranscript(turns)), composeTranscript([{ speaker: null, text: odt }])];
  project.sources = texts.map((t, i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, name: i < transcripts.length ? `AnnoMI ${i}` : 'ID2', text: t.text,
    paragraphs: t.paragraphs, turns: t.turns, speakers: t.speakers.map((s) => ({ ...s, role: s.name === 'Therapist' ? ('interviewer' as const) : ('respondent' as const) })),
    format: 'txt' as const, importedAt: '2026-12-07T00:00:00Z',
  }));
  const seeds = pending.map((p) => {
    const source = project.sources[p.transcript]!;
    const at = source.text.indexOf(p.sentence) + p.sentence.indexOf(p.value);
    return { category: p.category, value: p.value, sourceId: source.id, start: at, end: at + p.value.length };
  });
  return { project, seeds };
}

/** Real names and places the corpus itself holds (read by hand): finding them is right, not a false alarm. */
const ALREADY_IN_CORPUS = ['Bob', 'Miguel', 'Tom', 'California', 'Walgreens', 'Northeast Glisan', 'Glisan', 'Joe Bloggs'];

const pct = (n: number, d: number) => (d === 0 ? '-' : `${Math.round((100 * n) / d)}%`);

describe('find on the shared corpus with seeded identifiers', () => {
  const { project, seeds } = buildProject();
  const started = performance.now();
  const candidates = findCandidates(project, { finder: compromiseFinder });
  const ms = performance.now() - started;
  const hits = candidates.flatMap((c) => c.hits.filter((h) => h.sourceId).map((h) => ({ ...h, category: c.category })));
  const onSeed = (h: { sourceId?: string; start: number; end: number }) => seeds.some((s) => s.sourceId === h.sourceId && h.start < s.end && s.start < h.end);
  const right = (h: { sourceId?: string; start: number; end: number; text: string }) => onSeed(h) || ALREADY_IN_CORPUS.some((n) => h.text.endsWith(n));

  it('finds the seeded identifiers of every category, and reports recall and precision', () => {
    const rows: string[] = [];
    const missed: string[] = [];
    const categories = [...new Set([...seeds.map((s) => s.category), ...hits.map((h) => h.category)])];
    for (const category of categories) {
      const seeded = seeds.filter((s) => s.category === category);
      const found = seeded.filter((s) => hits.some((h) => h.sourceId === s.sourceId && h.start <= s.start && h.end >= s.end));
      missed.push(...seeded.filter((s) => !found.includes(s)).map((s) => s.value));
      const inCategory = hits.filter((h) => h.category === category);
      const rightKind = found.filter((s) => hits.some((h) => h.sourceId === s.sourceId && h.start <= s.start && h.end >= s.end && h.category === category));
      rows.push(
        `${category.padEnd(13)} seeded ${String(seeded.length).padStart(2)}  recall ${pct(found.length, seeded.length).padStart(4)} (as ${category} ${pct(rightKind.length, seeded.length)})  found ${String(inCategory.length).padStart(3)} hits  ` +
          `precision ${pct(inCategory.filter(right).length, inCategory.length).padStart(4)} (on seeds only ${pct(inCategory.filter(onSeed).length, inCategory.length)})`,
      );
    }
    const wrong = [...new Set(hits.filter((h) => !right(h)).map((h) => `${h.text} (${h.category})`))];
    console.log(
      `De-identification on ${project.sources.length} corpus sources, ${seeds.length} seeded identifiers, ${candidates.length} candidates, ${Math.round(ms)} ms\n${rows.join('\n')}\n` +
        `not on a seed: ${[...new Set(hits.filter((h) => !onSeed(h)).map((h) => `${h.text} (${h.category})`))].join('; ')}\nmissed: ${missed.join(', ') || 'none'}\nfalse alarms: ${wrong.join('; ') || 'none'}`,
    );
    const recall = seeds.filter((s) => hits.some((h) => h.sourceId === s.sourceId && h.start <= s.start && h.end >= s.end)).length / seeds.length;
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(hits.filter(right).length / hits.length).toBeGreaterThanOrEqual(0.8);
  });

  it('finds the name QualCoder\'s ID2 already holds', () => {
    expect(candidates.some((c) => c.variants.includes('Joe Bloggs'))).toBe(true);
  });

  it('applies to real transcripts with every coding kept', () => {
    // A coding on every client turn.
    const withCodings: Project = {
      ...project,
      codings: project.sources.flatMap((s, i) =>
        s.turns.map((t, j) => ({
          id: `00000000-0000-4000-8${String(i).padStart(3, '0')}-${String(j).padStart(12, '0')}`, codeId: '00000000-0000-4000-8000-00000000c0de',
          sourceId: s.id, coderId: '00000000-0000-4000-8000-00000000c0d3', start: t.start + 2, end: Math.max(t.start + 2, t.end - 3), createdAt: '2026-12-07T00:00:00Z',
        })),
      ),
    };
    const { project: copy } = applyDeidentification(withCodings, { decisions: candidates, newId: '00000000-0000-4000-8000-00000000b000', now: '2026-12-07T00:00:00Z' });
    const result = checkCodings(withCodings, copy, candidates);
    expect(result.checked).toBeGreaterThan(300);
    expect(result.problems).toEqual([]);
    for (const s of seeds) expect(copy.sources.find((x) => x.id === s.sourceId)!.text).not.toContain(s.value);
  });
});
