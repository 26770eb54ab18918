/**
 * Real files from NVivo, ATLAS.ti, MAXQDA and Taguette (../shared/refi-qda/samples):
 * each imports with the counts the XML itself holds (counted here independently, with
 * regular expressions over the raw XML), and each re-exports schema-valid.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { readQdc, readQdpx, writeQdc, writeQde, writeQdpx } from '../../../../shared/formats/refi';
import { onWordBoundary } from '../../../../shared/formats/refi/positions';
import { sample, SAMPLES, schemaErrors } from './helpers';

const projectSamples = readdirSync(SAMPLES).filter((f) => /\.(qdpx|qde)$/.test(f));

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function count(xml: string, element: string): number {
  return (xml.match(new RegExp(`<${element}[\\s/>]`, 'g')) ?? []).length;
}

/** The sample's project.qde and its other entries, without our zip reader. */
function rawFiles(name: string): { qde: string; entries: Map<string, Uint8Array> } {
  const bytes = sample(name);
  if (name.endsWith('.qde')) return { qde: strFromU8(bytes), entries: new Map() };
  const files = unzipSync(bytes);
  const entries = new Map(Object.entries(files).map(([k, v]) => [k.toLowerCase(), v]));
  const qdeName = Object.keys(files).find((k) => k.toLowerCase().endsWith('.qde'))!;
  return { qde: strFromU8(files[qdeName]!), entries };
}

/** What the XML says should come in: text sources whose .txt is in the archive, and their codings. */
function expectedCounts(name: string) {
  const { qde, entries } = rawFiles(name);
  const textSources = [...qde.matchAll(/<TextSource\b[^>]*?(\/>|>[\s\S]*?<\/TextSource>)/g)].map((m) => m[0]);
  const present = textSources.filter((ts) => {
    const path = attr(ts.slice(0, ts.indexOf('>')), 'plainTextPath')?.replace(/^internal:\/\//i, '');
    return !!path && entries.has(`sources/${path.toLowerCase()}`);
  });
  return {
    sources: present.length,
    codes: count(qde, 'Code'),
    codings: present.reduce((n, ts) => n + count(ts, 'Coding'), 0),
    users: count(qde, 'User'),
    notes: count(qde, 'Note'),
    cases: count(qde, 'Case'),
    variables: count(qde, 'Variable'),
    sets: count(qde, 'Set'),
    skippedSources: textSources.length - present.length + ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'].reduce((n, e) => n + count(qde, e), 0),
  };
}

describe('REFI-QDA samples from other tools', () => {
  it.each(projectSamples)('%s imports with the counts its XML holds', (name) => {
    const { project, report } = readQdpx(sample(name), name);
    const want = expectedCounts(name);
    expect(report.counts).toEqual({
      sources: want.sources, codes: want.codes, codings: want.codings, users: want.users, notes: want.notes,
      cases: want.cases, variables: want.variables, sets: want.sets,
    });
    expect(project.sources).toHaveLength(want.sources);
    expect(project.codings).toHaveLength(want.codings);
    // Sources we cannot show are kept as they are, to be written back; nothing is lost.
    expect((report.kept ?? []).filter((s) => /Source$/.test(s.kind))).toHaveLength(want.skippedSources);
    expect(report.skipped).toEqual([]);
    for (const s of report.kept ?? []) expect(s.reason.length).toBeGreaterThan(10);
    expect(report.skipped.filter((s) => s.kind === 'PlainTextSelection' || s.kind === 'Coding')).toEqual([]);
  });

  it.each(projectSamples)('%s re-exports schema-valid and re-imports unchanged', async (name) => {
    const { project } = readQdpx(sample(name), name);
    expect(await schemaErrors(writeQde(project), 'project')).toEqual([]);
    if (project.codes.length) expect(await schemaErrors(writeQdc(project), 'codebook')).toEqual([]);
    const again = readQdpx(writeQdpx(project), `${name}.qdpx`);
    expect(again.project).toStrictEqual(project);
  });

  it('keeps what ATLAS.ti wrote that our model can hold: :: hierarchy, colours, sets, notes', () => {
    const { project, report } = readQdpx(sample('atlasti8-mac_refi-standard-project.qde'), 'atlas.qde');
    const coke = project.codes.find((c) => c.name === 'Coke')!;
    const diet = project.codes.find((c) => c.name === 'diet Coke')!;
    expect(diet.parentId).toBe(coke.id);
    expect(project.codes.find((c) => c.name === 'full-fat Coke')!.parentId).toBe(coke.id);
    expect(project.codes.some((c) => c.name.includes('::'))).toBe(false);
    expect(diet.color).toBe('#966450');
    expect(diet.definition).toBe('non sucré');
    expect(project.codes.find((c) => c.name === '"rushed"')).toBeDefined();
    const feelings = project.themes.find((t) => t.name === 'Feelings')!;
    expect(feelings.codeIds).toHaveLength(6);
    expect(project.themes.find((t) => t.name === '<3')).toBeDefined();
    expect(project.documentSets.map((d) => d.name)).toContain('gender: female');
    expect(project.memos.map((m) => m.title).sort()).toEqual(['My favorite Coke ad', 'Research Plan']);
    expect(project.memos.find((m) => m.title === 'Research Plan')!.body).toEqual([
      { type: 'paragraph', children: [{ text: 'This is a great project by a dynamic team of researcher-developers. ' }] },
    ]);
    expect(project.coders.map((c) => c.name)).toContain('Sebastian Petrausch');
    expect(report.kept?.find((s) => s.kind === 'PDFSource')?.reason).toMatch(/PDF/);
    expect(report.kept?.find((s) => s.name === 'Simon.docx')?.reason).toMatch(/3 codings/);
  });

  it('reads MAXQDA sources and document sets with their accented text', () => {
    const { project } = readQdpx(sample('maxqda24_codebook-sets-sources.qdpx'), 'maxqda.qdpx');
    expect(project.documentSets.map((d) => [d.name, d.sourceIds.length])).toEqual([['ICLS 2024', 5], ['ICLS 2025', 5]]);
    expect(project.codes.every((c) => /^#[0-9a-f]{6}$/.test(c.color))).toBe(true);
    const { entries } = rawFiles('maxqda24_codebook-sets-sources.qdpx');
    for (const s of project.sources) {
      const raw = strFromU8(entries.get(`sources/${s.id}.txt`)!);
      expect(s.text).toBe(raw.replace(/\r\n?/g, '\n').normalize('NFC'));
    }
  });

  it('reads the Taguette codebook despite its empty <Sets/>', async () => {
    const bytes = sample('taguette141_codebook.qdc');
    expect((await schemaErrors(strFromU8(bytes), 'codebook')).length).toBeGreaterThan(0);
    const { codes, themes, report } = readQdc(bytes, 'taguette.qdc');
    expect(codes.map((c) => c.name)).toEqual(['xsd:element name', 'CodeBook', 'Variables']);
    expect(codes[0]!.id).toBe('098ac082-a9c7-50f4-9728-48730081a95e');
    expect(themes).toEqual([]);
    expect(report.origin).toBe('Taguette 1.4.1');
    expect(await schemaErrors(writeQdc({ codes, themes }), 'codebook')).toEqual([]);
  });
});

describe('the NVivo 12 sample (emoji, CRLF, BOM, UTF-16 offsets)', () => {
  const name = 'nvivo12-win_hu-emoji-crlf.qdpx';
  // Read once for the tests below that only look at the result.
  let cached: ReturnType<typeof readQdpx> | undefined;
  const nvivo = () => (cached ??= readQdpx(sample(name), name));
  const { qde, entries } = rawFiles(name);
  const txtPath = /plainTextPath="internal:\/\/([^"]+)"/.exec(qde)![1]!;
  const rawBytes = entries.get(`sources/${txtPath.toLowerCase()}`)!;
  const raw = strFromU8(rawBytes.subarray(3)); // NVivo's BOM, not counted
  const selections = [...qde.matchAll(/<PlainTextSelection\b([^>]*)>([\s\S]*?)<\/PlainTextSelection>/g)].map((m) => ({
    start: Number(attr(m[1]!, 'startPosition')),
    end: Number(attr(m[1]!, 'endPosition')),
    codings: [...m[2]!.matchAll(/<Coding\b[^>]*guid="([^"]+)"/g)].map((c) => c[1]!.toLowerCase()),
  }));

  it('reads offsets as UTF-16 units, chosen from the origin and confirmed by the text', () => {
    const { report } = nvivo();
    expect(rawBytes.subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(raw).toContain('\r\n');
    expect(report.positions?.mode).toEqual({ unit: 'utf16', crlf: 2 });
    expect(report.positions?.chosenBy).toBe('origin');
    expect(report.positions?.evidence).toMatch(/97\/97 on word boundaries/);
  });

  it('puts every coding on the words NVivo showed (the UTF-16 reading), starting and ending on word boundaries', () => {
    const { project } = nvivo();
    const text = project.sources[0]!.text;
    expect(text).not.toContain('\r');
    expect(selections.length).toBe(97);
    let checked = 0;
    for (const sel of selections) {
      const shown = raw.slice(sel.start, sel.end).replace(/\r\n?/g, '\n').normalize('NFC');
      for (const guid of sel.codings) {
        const coding = project.codings.find((c) => c.id === guid)!;
        expect(coding, guid).toBeDefined();
        expect(text.slice(coding.start, coding.end)).toBe(shown);
        expect(onWordBoundary(text, coding.start) && onWordBoundary(text, coding.end)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(project.codings.length);
  });

  it('puts every coding on the same words when only the .docx is there (plain text missing)', () => {
    const files = unzipSync(sample(name));
    const txtEntry = Object.keys(files).find((k) => k.endsWith('.txt'))!;
    delete files[txtEntry];
    const fromDocx = readQdpx(zipSync(files), 'docx-only.qdpx');
    const fromTxt = nvivo().project;
    expect(fromDocx.report.warnings.join('\n')).toMatch(/no plain-text file; took its text from/);
    expect(fromDocx.project.sources[0]!.text).toBe(fromTxt.sources[0]!.text);
    expect(fromDocx.project.codings.map((c) => [c.id, c.start, c.end])).toEqual(fromTxt.codings.map((c) => [c.id, c.start, c.end]));
  });

  it('keeps every coding on the same words through our export (code points) and back', () => {
    const first = nvivo().project;
    const files = unzipSync(writeQdpx(first));
    delete files['lantern/project.json'];
    const qdeOut = strFromU8(files['project.qde']!);
    expect(qdeOut).toContain('origin="Lantern QDA');
    const { project: second, report } = readQdpx(zipSync(files), 'ours.qdpx');
    expect(report.restoredLanternData).toBe(false);
    expect(second.codings).toHaveLength(first.codings.length);
    const text = first.sources[0]!.text;
    for (const c of first.codings) {
      const back = second.codings.find((b) => b.id === c.id)!;
      expect(text.slice(back.start, back.end)).toBe(text.slice(c.start, c.end));
    }
  });
});
