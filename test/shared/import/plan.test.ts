/** From previews to the project: duplicates, speaker corrections, cases, progress and cancel. */
import { describe, expect, it } from 'vitest';
import { applyChanges, invert } from '../../../shared/model/changes';
import { analyzeFile, applyPreview, ImportCancelled, importFiles, planImport } from '../../../shared/import';
import { freshProject, testContext, turnTexts, utf8 } from './helpers';

const TRANSCRIPT = 'INT: How long have you been in the program?\nP03: Two years.\nINT: And before?\nP03: On the street.';

describe('planning an import', () => {
  it('a file with the same text as an existing source is skipped and named, under any file name', async () => {
    const ctx = testContext();
    let project = freshProject(ctx);
    const first = await importFiles(project, ctx, [{ name: 'p03.txt', bytes: utf8(TRANSCRIPT) }]);
    project = applyChanges(project, first.set);
    const again = await importFiles(project, ctx, [
      { name: 'p03-copy.txt', bytes: utf8(TRANSCRIPT.replace(/\n/g, '\r\n')) },
      { name: 'p04.txt', bytes: utf8(TRANSCRIPT.replace('Two', 'Three')) },
      { name: 'p04 (1).txt', bytes: utf8(TRANSCRIPT.replace('Two', 'Three')) },
    ]);
    expect(again.report.files.map((f) => f.status)).toEqual(['duplicate', 'imported', 'duplicate']);
    expect(again.report.files[0]!.duplicates).toEqual([{ name: 'p03-copy', existing: 'p03' }]);
    expect(again.report.files[2]!.duplicates).toEqual([{ name: 'p04 (1)', existing: 'p04' }]);
    expect(applyChanges(project, again.set).sources).toHaveLength(2);
  });

  it('renamed and merged speakers, the interviewer marked, respondents mapped to cases', async () => {
    const preview = await analyzeFile(utf8('Int: Hi.\nInterviewer: Ready?\nJ.D.: Yes.\nMaria: Me too.\nJ.D.: Good.'), 'fg.txt');
    expect(preview.speakers.map((s) => s.name)).toEqual(['Int', 'Interviewer', 'J.D.', 'Maria']);
    const edited = applyPreview(preview, {
      rename: { 'J.D.': 'John Doe' },
      merge: { Int: 'Interviewer' },
      interviewer: ['Interviewer'],
      speakerCase: { 'J.D.': 'Participant 7', Maria: 'Participant 9' },
    });
    expect(edited.speakers.map((s) => [s.name, s.turns, s.role])).toEqual([
      ['Interviewer', 2, 'interviewer'],
      ['John Doe', 2, 'respondent'],
      ['Maria', 1, 'respondent'],
    ]);
    const structure = edited.documents[0]!.structure;
    // Text typed by the transcriber keeps its labels; the turns carry the corrected names.
    expect(structure.text).toContain('J.D.: Yes.');
    expect(turnTexts(structure)[2]).toEqual({ speaker: 'John Doe', text: 'Yes.' });

    const ctx = testContext();
    const project = freshProject(ctx);
    const { set } = planImport(project, ctx, [edited]);
    const after = applyChanges(project, set);
    const source = after.sources[0]!;
    const caseName = (id?: string) => after.cases.find((c) => c.id === id)?.name;
    expect(source.speakers.map((s) => [s.name, s.role, caseName(s.caseId)])).toEqual([
      ['Interviewer', 'interviewer', undefined],
      ['John Doe', 'respondent', 'Participant 7'],
      ['Maria', 'respondent', 'Participant 9'],
    ]);
    // Two respondents in two cases: a focus group, so the source itself has no case.
    expect(source.caseId).toBeUndefined();
    // Undo removes everything the import added.
    expect(applyChanges(after, invert(set))).toEqual({ ...project, sources: [], cases: [] });
  });

  it('an interview whose one respondent is mapped to a case belongs to that case', async () => {
    const preview = await analyzeFile(utf8('Interviewer: Hi.\nR: Hello.\nInterviewer: Bye.'), 'one.txt');
    const ctx = testContext();
    const project = freshProject(ctx);
    const after = applyChanges(project, planImport(project, ctx, [applyPreview(preview, { speakerCase: { R: 'P12' } })]).set);
    const kase = after.cases.find((c) => c.name === 'P12')!;
    expect(after.sources[0]!.caseId).toBe(kase.id);
    expect(after.sources[0]!.speakers.find((s) => s.name === 'R')!.caseId).toBe(kase.id);
  });

  it('renaming a speaker of a rebuilt transcript relabels the text too', async () => {
    const preview = await analyzeFile(utf8('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v SPEAKER_00>Hello.\n\n00:00:02.000 --> 00:00:03.000\n<v SPEAKER_01>Hi.'), 'w.vtt');
    const edited = applyPreview(preview, { rename: { SPEAKER_00: 'Officer Reyes' } });
    expect(edited.documents[0]!.structure.text).toBe('Officer Reyes: Hello.\n\nSPEAKER_01: Hi.');
    expect(edited.documents[0]!.structure.turns[0]!.timeMs).toBe(1000);
  });

  it('existing cases and attributes are reused; values that do not fit a type are reported, not stored', async () => {
    const ctx = testContext();
    let project = freshProject(ctx);
    const csv = 'Case,Age,answer\nID1,40,I came because the program found me a bed the same night.\nID2,unknown,They kept calling me back until I answered the phone.\n';
    const first = await importFiles(project, ctx, [{ name: 'a.csv', bytes: utf8(csv) }]);
    project = applyChanges(project, first.set);
    const age = project.attributes.find((a) => a.name === 'Age')!;
    expect(age.type).toBe('text');
    const typed = { ...project, attributes: project.attributes.map((a) => (a.id === age.id ? { ...a, type: 'integer' as const } : a)) };
    const second = await importFiles(typed, ctx, [{ name: 'b.csv', bytes: utf8(csv.replace(/ID1/, 'ID3').replace('ID2', 'ID1').replace(/the /g, 'a ')) }]);
    const after = applyChanges(typed, second.set);
    expect(after.attributes.map((a) => a.name)).toEqual(['Age']);
    expect(after.cases.map((c) => c.name)).toEqual(['ID1', 'ID2', 'ID3']);
    expect(second.report.files[0]!.warnings).toContain("case 'ID1': Age 'unknown' is not a whole number (a integer); left empty");
  });

  it('a file that fails or holds only duplicates leaves no case, attribute or text behind for the files after it', async () => {
    const ctx = testContext();
    const csv = (site: string, answer: string) => utf8(`Case,Site,answer\nID7,${site},${answer}\n`);
    const previews = await Promise.all([
      analyzeFile(csv('North', 'I came because the program found me a bed.'), 'a.csv'),
      analyzeFile(csv('South', 'They kept calling me back until I answered.'), 'b.csv'),
      analyzeFile(csv('East', 'The shelter was full that night.'), 'c.csv'),
      analyzeFile(csv('West', 'I came because the program found me a bed.'), 'd.csv'),
    ]);
    // b.csv fails after its case and attribute were planned: a document without a name cannot be added.
    previews[1] = { ...previews[1]!, documents: previews[1]!.documents.map((d) => ({ ...d, name: ' ' })) };
    const result = planImport(freshProject(ctx), ctx, [previews[1]!, previews[0]!, previews[2]!, previews[3]!]);
    expect(result.report.files.map((f) => f.status)).toEqual(['refused', 'imported', 'imported', 'duplicate']);
    const project = applyChanges(freshProject(ctx), result.set);
    // The case and attribute come from a.csv (the refused file's were forgotten), once each.
    expect(project.cases.map((c) => c.name)).toEqual(['ID7']);
    expect(project.attributes.map((a) => a.name)).toEqual(['Site']);
    const site = project.attributes[0]!.id;
    // c.csv set the value last; d.csv (all duplicate) did not.
    expect(project.cases[0]!.values[site]).toBe('East');
    expect(project.sources.map((s) => s.text)).toEqual(['answer: I came because the program found me a bed.', 'answer: The shelter was full that night.']);
  });

  it('reports progress per file and cancels without a change set', async () => {
    const ctx = testContext();
    const project = freshProject(ctx);
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, bytes: utf8(`Text number ${i}.`) }));
    const seen: number[] = [];
    const { set } = await importFiles(project, ctx, files, {}, (p) => seen.push(p.done));
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(applyChanges(project, set).sources).toHaveLength(5);

    const signal = { aborted: false };
    const run = importFiles(project, ctx, files, {}, (p) => {
      if (p.done === 2) signal.aborted = true;
    }, signal);
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
  });
});
