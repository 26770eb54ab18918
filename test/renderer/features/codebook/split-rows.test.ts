import { describe, expect, it } from 'vitest';
import { splitRows } from '../../../../renderer/src/features/codebook/split-rows';
import { applyChanges, emptyProject, seededGuids } from '../../../../shared/model';
import { addCoder, addSource, applyCode, createCode } from '../../../../shared/ops';
import { composeTranscript } from '../../../../shared/text/compose';

/** Two coders coded nearly the same words of one answer, as in QA F34's Interview 06. */
function doubleCoded() {
  const ids = seededGuids(34);
  const now = () => '2026-11-27T10:00:00Z';
  let project = emptyProject({ id: ids(), name: 'Split', now: now() });
  const base = { newId: ids, now, coderId: ids() };
  const alex = addCoder(project, base, { name: 'Alex Rivera' });
  project = applyChanges(project, alex);
  const sam = addCoder(project, base, { name: 'Sam Chen' });
  project = applyChanges(project, sam);
  const ctx = { ...base, coderId: alex.id };
  const later = addSource(project, ctx, {
    name: 'Interview 10',
    structure: composeTranscript([{ speaker: 'Participant 10', text: 'I paid for the bus myself.' }]),
    format: 'txt',
  });
  project = applyChanges(project, later);
  const structure = composeTranscript([
    { speaker: 'Interviewer', text: 'Who helped you get there?' },
    { speaker: 'Participant 06', text: 'My case manager drove me to the clinic every week.' },
    { speaker: 'Interviewer', text: 'And after that?' },
    { speaker: 'Participant 06', text: 'I took the bus with a pass from the program.' },
  ]);
  const source = addSource(project, ctx, { name: 'Interview 06', structure, format: 'txt' });
  project = applyChanges(project, source);
  const code = createCode(project, ctx, { name: 'Personal resources', origin: 'deductive' });
  project = applyChanges(project, code);
  const text = project.sources.find((s) => s.id === source.id)!.text;
  const answer = text.indexOf('My case manager');
  const followUp = text.indexOf('And after');
  project = applyChanges(project, applyCode(project, { ...ctx, coderId: sam.id }, { sourceId: source.id, codeId: code.id, start: answer, end: answer + 40 }));
  project = applyChanges(project, applyCode(project, ctx, { sourceId: source.id, codeId: code.id, start: answer, end: answer + 38 }));
  project = applyChanges(project, applyCode(project, ctx, { sourceId: source.id, codeId: code.id, start: followUp, end: text.length }));
  const other = project.sources.find((s) => s.id === later.id)!;
  project = applyChanges(project, applyCode(project, ctx, { sourceId: other.id, codeId: code.id, start: 0, end: other.text.length }));
  return { project, codeId: code.id };
}

describe('split dialog rows (QA F34)', () => {
  it('names the coder and the speaker of each coding, so near-identical codings can be told apart', () => {
    const { project, codeId } = doubleCoded();
    const rows = splitRows(project, codeId);
    expect(rows.map((r) => [r.sourceName, r.speakers, r.coderName])).toEqual([
      ['Interview 06', ['Participant 06'], 'Alex Rivera'],
      ['Interview 06', ['Participant 06'], 'Sam Chen'],
      ['Interview 06', ['Interviewer', 'Participant 06'], 'Alex Rivera'],
      ['Interview 10', ['Participant 10'], 'Alex Rivera'],
    ]);
    expect(rows[0]!.quote).toMatch(/^My case manager drove me to the clinic/);
    expect(rows[2]!.quote).toBe('And after that? Participant 06: I took the bus with a pass from the program.');
    expect(new Set(rows.map((r) => r.codingId)).size).toBe(project.codings.length);
  });

  it('shortens long quotes and gives no speaker for text without turns', () => {
    const ids = seededGuids(35);
    const now = () => '2026-11-27T10:00:00Z';
    let project = emptyProject({ id: ids(), name: 'Plain', now: now() });
    const ctx = { newId: ids, now, coderId: ids() };
    const coder = addCoder(project, ctx, { name: 'Alex Rivera' });
    project = applyChanges(project, coder);
    const plain = composeTranscript([{ speaker: null, text: 'word '.repeat(100).trim() }]);
    const source = addSource(project, { ...ctx, coderId: coder.id }, { name: 'Field notes', structure: plain, format: 'txt' });
    project = applyChanges(project, source);
    const code = createCode(project, ctx, { name: 'Notes', origin: 'inductive' });
    project = applyChanges(project, code);
    project = applyChanges(project, applyCode(project, { ...ctx, coderId: coder.id }, { sourceId: source.id, codeId: code.id, start: 0, end: 499 }));
    const [row] = splitRows(project, code.id);
    expect(row!.speakers).toEqual([]);
    expect(row!.quote).toHaveLength(180);
    expect(row!.quote.endsWith('…')).toBe(true);
  });
});
