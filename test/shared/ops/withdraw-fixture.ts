/**
 * A small study for withdrawal tests: participant P07 with two interviews of their own and a
 * focus group shared with P08, codings, memos, an in-vivo code, a theme, a document set, and
 * the change sets that built it (the undo history), one per operation, oldest first.
 */
import type { ChangeSet, Guid, Project } from '../../../shared/model';
import { applyChanges, emptyProject, seededGuids } from '../../../shared/model';
import * as ops from '../../../shared/ops';
import { composeTranscript } from '../../../shared/text/compose';

/** Sentences only P07's own interviews hold; none may survive the withdrawal anywhere. */
export const P07_SENTENCES = [
  'I slept in the laundromat on Pike Street for three winters.',
  'My sister took the children when the shelter closed.',
  'The clinic nurse was the first person who believed me.',
  'Nobody told me the voucher expired after ninety days.',
];

export const P08_SENTENCE = 'The bus pass saved my job at the warehouse.';
export const FOCUS_SENTENCE = 'We all agreed the drop-in hours were too short.';

export interface WithdrawStudy {
  project: Project;
  history: ChangeSet[];
  ids: {
    p07: Guid; p08: Guid; age: Guid;
    interview: Guid; followUp: Guid; p08Interview: Guid; focus: Guid;
    housing: Guid; inVivo: Guid; sharedInVivo: Guid; theme: Guid; set: Guid;
    projectMemo: Guid; coderId: Guid;
  };
}

export function withdrawStudy(seed = 11): WithdrawStudy {
  const newId = seededGuids(seed);
  const coderId = newId();
  const ctx = { newId, now: () => '2026-12-01T10:00:00Z', coderId };
  let project = emptyProject({ id: newId(), name: 'Withdrawal study', now: ctx.now(), coder: { id: coderId, name: 'Alex' } });
  const history: ChangeSet[] = [];
  const run = <T extends ChangeSet>(set: T): T => {
    project = applyChanges(project, set);
    history.push(set);
    return set;
  };
  const age = run(ops.createAttribute(project, ctx, { name: 'Age', type: 'integer' })).id;
  const p07 = run(ops.createCase(project, ctx, { name: 'P07', values: { [age]: '34' } })).id;
  const p08 = run(ops.createCase(project, ctx, { name: 'P08', values: { [age]: '51' } })).id;
  const interviewText = composeTranscript([
    { speaker: 'Interviewer', text: 'Where did you stay that year?' },
    { speaker: 'P07', text: `${P07_SENTENCES[0]} ${P07_SENTENCES[1]}` },
  ]);
  const followText = composeTranscript([
    { speaker: 'Interviewer', text: 'Who helped?' },
    { speaker: 'P07', text: `${P07_SENTENCES[2]} ${P07_SENTENCES[3]}` },
  ]);
  const interview = run(ops.addSource(project, ctx, { name: 'P07 interview', structure: interviewText, format: 'txt', caseId: p07 })).id;
  const followUp = run(ops.addSource(project, ctx, { name: 'P07 follow-up', structure: followText, format: 'txt', caseId: p07 })).id;
  const p08Interview = run(
    ops.addSource(project, ctx, {
      name: 'P08 interview',
      structure: composeTranscript([{ speaker: 'P08', text: `${P08_SENTENCE} The shelter closed too early.` }]),
      format: 'txt',
      caseId: p08,
    }),
  ).id;
  const focusStructure = composeTranscript([
    { speaker: 'P07', text: FOCUS_SENTENCE },
    { speaker: 'P08', text: 'The bus pass helped most of us.' },
  ]);
  focusStructure.speakers = [
    { name: 'P07', role: 'respondent', caseId: p07 },
    { name: 'P08', role: 'respondent', caseId: p08 },
  ];
  const focus = run(ops.addSource(project, ctx, { name: 'Focus group', structure: focusStructure, format: 'txt' })).id;

  const at = (sourceId: Guid, words: string) => {
    const text = project.sources.find((s) => s.id === sourceId)!.text;
    const start = text.indexOf(words);
    if (start < 0) throw new Error(`'${words}' is not in the source`);
    return { sourceId, start, end: start + words.length };
  };
  const housing = run(ops.createCode(project, ctx, { name: 'Housing', origin: 'deductive' })).id;
  const inVivo = run(ops.createCode(project, ctx, { name: 'slept in the laundromat', origin: 'in-vivo', firstSourceId: interview })).id;
  const sharedInVivo = run(ops.createCode(project, ctx, { name: 'first person who believed me', origin: 'in-vivo', firstSourceId: followUp })).id;
  const c1 = run(ops.applyCode(project, ctx, { ...at(interview, P07_SENTENCES[0]!), codeId: housing })).id;
  run(ops.applyCode(project, ctx, { ...at(interview, P07_SENTENCES[0]!), codeId: inVivo }));
  run(ops.applyCode(project, ctx, { ...at(followUp, P07_SENTENCES[2]!), codeId: sharedInVivo }));
  run(ops.applyCode(project, ctx, { ...at(p08Interview, P08_SENTENCE), codeId: sharedInVivo }));
  run(ops.applyCode(project, ctx, { ...at(p08Interview, P08_SENTENCE), codeId: housing }));
  run(ops.applyCode(project, ctx, { ...at(focus, FOCUS_SENTENCE), codeId: housing }));
  run(ops.setExemplar(project, ctx, c1, true));
  // A coding made and deleted again: only the history still holds its quote's position.
  const gone = run(ops.applyCode(project, ctx, { ...at(followUp, P07_SENTENCES[3]!), codeId: housing })).id;
  run(ops.deleteCoding(project, ctx, gone));

  const theme = run(ops.createTheme(project, ctx, { name: 'Losing shelter' })).id;
  run(ops.addCodeToTheme(project, ctx, theme, housing));
  run(ops.addCodeToTheme(project, ctx, theme, inVivo));
  run(ops.createMemo(project, ctx, { target: { kind: 'source', id: interview }, title: 'Context', body: ops.plainTextToRich(`She said: ${P07_SENTENCES[1]}`) }));
  run(ops.createMemo(project, ctx, { target: { kind: 'coding', id: c1 }, title: 'Why housing', body: ops.plainTextToRich('Three winters outside.') }));
  run(ops.createMemo(project, ctx, { target: { kind: 'case', id: p07 }, title: 'About P07', body: ops.plainTextToRich('Referred by the clinic.') }));
  run(ops.createMemo(project, ctx, { target: { kind: 'code', id: inVivo }, title: 'In vivo', body: ops.plainTextToRich(P07_SENTENCES[0]!) }));
  const projectMemo = run(
    ops.createMemo(project, ctx, {
      target: { kind: 'project' },
      title: 'Overview',
      body: [{ type: 'paragraph', children: [{ text: 'Compare ' }, { type: 'link', target: { kind: 'source', id: interview }, children: [{ text: 'the first interview' }] }, { text: ' with P08.' }] }],
    }),
  ).id;
  const set = newId();
  run({ label: 'Add set', changes: [{ table: 'documentSets', id: set, before: null, after: { id: set, name: 'Wave 1', sourceIds: [interview, p08Interview] } }] });
  return {
    project,
    history,
    ids: { p07, p08, age, interview, followUp, p08Interview, focus, housing, inVivo, sharedInVivo, theme, set, projectMemo, coderId },
  };
}

/** Every sentence of `sentences` that appears anywhere in the JSON of `things`. */
export function leaked(sentences: readonly string[], ...things: unknown[]): string[] {
  const all = things.map((t) => JSON.stringify(t)).join('\n');
  return sentences.filter((s) => all.includes(s));
}
