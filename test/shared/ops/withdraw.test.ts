import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../shared/model';
import { applyChanges, invert, projectSchema } from '../../../shared/model';
import * as ops from '../../../shared/ops';
import { FOCUS_SENTENCE, leaked, P07_SENTENCES, P08_SENTENCE, withdrawStudy } from './withdraw-fixture';

/** The project rebuilt from the scrubbed history: what undoing everything and redoing it could ever produce. */
function replay(history: readonly ChangeSet[], start: ReturnType<typeof withdrawStudy>['project']) {
  let p = { ...start, ...Object.fromEntries(Object.keys(start).filter((k) => k !== 'meta').map((k) => [k, []])) } as typeof start;
  for (const set of history) p = applyChanges(p, set);
  return p;
}

describe('withdrawing a case permanently', () => {
  it('takes the sources that belong only to the case, and keeps a focus group it shares unless asked', () => {
    const { project, ids } = withdrawStudy();
    const scope = ops.caseScope(project, ids.p07);
    expect(scope.own.map((s) => s.name)).toEqual(['P07 interview', 'P07 follow-up']);
    expect(scope.shared.map((s) => s.name)).toEqual(['Focus group']);
    expect(ops.caseWithdrawal(project, ids.p07, false).sourceIds).toEqual([ids.interview, ids.followUp]);
    expect(ops.caseWithdrawal(project, ids.p07, true).sourceIds).toEqual([ids.interview, ids.followUp, ids.focus]);
    expect(() => ops.caseScope(project, ids.interview)).toThrow(/No case/);
  });

  it('says exactly what goes: sources, words, codings, memos and in-vivo codes', () => {
    const { project, history, ids } = withdrawStudy();
    const plan = ops.planWithdrawal(project, ops.caseWithdrawal(project, ids.p07, false), history);
    expect(plan.sources.map((s) => s.name)).toEqual(['P07 interview', 'P07 follow-up']);
    expect(plan.cases.map((c) => c.name)).toEqual(['P07']);
    expect(plan.words).toBe(plan.sources.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0));
    expect(plan.words).toBeGreaterThan(40);
    expect(plan.codingIds).toHaveLength(3);
    const memoTitles = project.memos.filter((m) => plan.memoIds.includes(m.id)).map((m) => m.title).sort();
    expect(memoTitles).toEqual(['About P07', 'Context', 'In vivo', 'Why housing']);
    expect(plan.codes.map((c) => c.name)).toEqual(['slept in the laundromat']);
    expect(plan.keptInVivoCodes.map((c) => c.name)).toEqual(['first person who believed me']);
  });

  it('leaves a project with none of its text and no reference to anything withdrawn', () => {
    const { project, history, ids } = withdrawStudy();
    const plan = ops.planWithdrawal(project, ops.caseWithdrawal(project, ids.p07, false), history);
    const after = applyChanges(project, plan.changes);
    expect(projectSchema.safeParse(after).success).toBe(true);
    expect(leaked(P07_SENTENCES, after)).toEqual([]);
    expect(leaked([P08_SENTENCE, FOCUS_SENTENCE], after)).toHaveLength(2);
    const gone = [ids.p07, ids.interview, ids.followUp, ids.inVivo, ...plan.codingIds, ...plan.memoIds];
    const json = JSON.stringify(after);
    for (const id of gone) expect(json).not.toContain(id);
    // The focus group stays, unlinked from P07; P08 keeps its voice.
    const focus = after.sources.find((s) => s.id === ids.focus)!;
    expect(focus.speakers).toEqual([{ name: 'P07', role: 'respondent' }, { name: 'P08', role: 'respondent', caseId: ids.p08 }]);
    // The project memo keeps its words, unlinked; the kept in-vivo code forgets where it came from.
    const memo = after.memos.find((m) => m.id === ids.projectMemo)!;
    expect(ops.memoPlainText(memo.body)).toBe('Compare the first interview with P08.');
    expect(JSON.stringify(memo.body)).not.toContain('"link"');
    expect(after.codes.find((c) => c.id === ids.sharedInVivo)!.firstSourceId).toBeUndefined();
    expect(after.themes.find((t) => t.id === ids.theme)!.codeIds).toEqual([ids.housing]);
    expect(after.documentSets[0]!.sourceIds).toEqual([ids.p08Interview]);
  });

  it('deletes the shared focus group too when asked', () => {
    const { project, history, ids } = withdrawStudy();
    const plan = ops.planWithdrawal(project, ops.caseWithdrawal(project, ids.p07, true), history);
    const after = applyChanges(project, plan.changes);
    expect(leaked([FOCUS_SENTENCE, ...P07_SENTENCES], after)).toEqual([]);
    expect(after.sources.map((s) => s.name)).toEqual(['P08 interview']);
  });
});

describe('scrubbing the undo history', () => {
  it('leaves no entry holding the text, and nothing undo or redo could bring back', () => {
    const { project, history, ids } = withdrawStudy();
    expect(leaked(P07_SENTENCES, history)).toHaveLength(4);
    const plan = ops.planWithdrawal(project, ops.caseWithdrawal(project, ids.p07, false), history);
    const entries = history.map((set, i) => ({ seq: i + 1, set }));
    const result = ops.scrubHistory(entries, plan.scrub);
    const changed = new Set([...result.rewritten.map((r) => r.entry.seq), ...result.dropped.map((e) => e.seq)]);
    const scrubbed = entries.flatMap((e) => {
      const rewritten = result.rewritten.find((r) => r.entry === e);
      if (rewritten) return [rewritten.set];
      return result.dropped.includes(e) ? [] : [e.set];
    });
    expect(leaked(P07_SENTENCES, scrubbed)).toEqual([]);
    // Adding P07, both interviews, their codings, the in-vivo code and the memos on them are gone whole.
    expect(result.dropped.map((e) => e.set.label)).toEqual(
      expect.arrayContaining(["Add case 'P07'", "Import 'P07 interview'", "Import 'P07 follow-up'", 'Delete coding', 'Mark as exemplar quote']),
    );
    // Entries that also touched kept rows stay, without the withdrawn part.
    expect(result.rewritten.map((r) => r.set.label)).toEqual([
      "Import 'Focus group'", // its P07 speaker unlinked from the case
      "Create code 'first person who believed me'", // no longer says where it came from
      'New memo', // the project memo, its link to the interview undone
      'Add set', // without the interview
    ]);
    expect(changed.size).toBe(result.rewritten.length + result.dropped.length);
    // Undoing every kept entry and redoing them never names a withdrawn row.
    const after = applyChanges(project, plan.changes);
    let p = after;
    for (const set of scrubbed.slice().reverse()) p = applyChanges(p, invert(set));
    for (const set of scrubbed) p = applyChanges(p, set);
    expect(leaked(P07_SENTENCES, p)).toEqual([]);
    expect(JSON.stringify(p)).not.toContain(ids.interview);
    expect(replay(scrubbed, project).sources.map((s) => s.name).sort()).toEqual(['Focus group', 'P08 interview']);
  });

  it('keeps an untouched change set as the same object, and rewrites a mixed one', () => {
    const { project, history, ids } = withdrawStudy();
    const plan = ops.planWithdrawal(project, ops.sourceWithdrawal(project, ids.interview), history);
    const unrelated = history.find((s) => s.label === "Import 'P08 interview'")!;
    expect(ops.scrubChangeSet(unrelated, plan.scrub)).toBe(unrelated);
    const mixed: ChangeSet = { label: 'Both', changes: [...history.find((s) => s.label === "Import 'P07 interview'")!.changes, ...unrelated.changes] };
    expect(ops.scrubChangeSet(mixed, plan.scrub)!.changes).toEqual(unrelated.changes);
    expect(ops.scrubChangeSet(history.find((s) => s.label === "Import 'P07 interview'")!, plan.scrub)).toBeNull();
  });
});

describe('withdrawing one source', () => {
  it('keeps its case and the other sources, and the ordinary delete stays undoable', () => {
    const { project, history, ids } = withdrawStudy();
    const plan = ops.planWithdrawal(project, ops.sourceWithdrawal(project, ids.interview), history);
    const after = applyChanges(project, plan.changes);
    expect(after.cases.map((c) => c.name).sort()).toEqual(['P07', 'P08']);
    expect(leaked(P07_SENTENCES.slice(0, 2), after)).toEqual([]);
    expect(leaked(P07_SENTENCES.slice(2), after)).toHaveLength(2);
    const ordinary = ops.deleteSource(project, { newId: () => '', now: () => '', coderId: ids.coderId }, ids.interview);
    expect(applyChanges(applyChanges(project, ordinary), invert(ordinary)).sources).toHaveLength(project.sources.length);
  });

  it('refuses an unknown source, and an empty choice', () => {
    const { project } = withdrawStudy();
    expect(() => ops.sourceWithdrawal(project, '00000000-0000-4000-8000-000000000000')).toThrow(/No source/);
    expect(() => ops.planWithdrawal(project, { sourceIds: [], caseIds: [] })).toThrow(/Nothing to delete/);
  });
});

describe('withdrawing from another copy of the project (a backup)', () => {
  it('removes the same rows, and returns a copy that holds none of it unchanged', () => {
    const { project, ids } = withdrawStudy();
    const w = ops.caseWithdrawal(project, ids.p07, false);
    const after = ops.withdrawFromProject(project, w);
    expect(leaked(P07_SENTENCES, after)).toEqual([]);
    expect(after).toEqual(applyChanges(project, ops.planWithdrawal(project, w).changes));
    expect(ops.withdrawFromProject(after, w)).toBe(after);
  });
});

describe('quotes kept elsewhere', () => {
  it('names kept memos and codes whose own text quotes the withdrawn words, for the researcher to edit', () => {
    const { project: base, ids } = withdrawStudy();
    const ctx = { newId: () => '0a000000-0000-4000-8000-000000000001', now: () => '2026-12-01T10:00:00Z', coderId: ids.coderId };
    let project = applyChanges(base, ops.createMemo(base, ctx, { target: { kind: 'project' }, title: 'Quotes to use', body: ops.plainTextToRich(`“${P07_SENTENCES[2]}”`) }));
    project = applyChanges(project, ops.updateCode(project, ctx, ids.housing, { example: P07_SENTENCES[0]! }));
    const plan = ops.planWithdrawal(project, ops.caseWithdrawal(project, ids.p07, false));
    expect(plan.quotedIn.map((q) => [q.table, q.name])).toEqual([
      ['memos', 'Quotes to use'],
      ['codes', 'Housing'],
    ]);
    // The memo on the withdrawn interview quotes it too, but goes with it: not listed.
    expect(plan.quotedIn.some((q) => q.name === 'Context')).toBe(false);
    // Withdrawing only the first interview: the follow-up's sentence is no concern.
    expect(ops.planWithdrawal(project, ops.sourceWithdrawal(project, ids.interview)).quotedIn.map((q) => q.name)).toEqual(['Housing']);
  });

  it('takes sentences from the utterances, without speaker labels, and skips short ones', () => {
    const { project, ids } = withdrawStudy();
    const source = project.sources.find((s) => s.id === ids.interview)!;
    expect(source.text).toContain(`P07: ${P07_SENTENCES[0]}`);
    expect(ops.quotableSentences(source)).toEqual(['Where did you stay that year?', P07_SENTENCES[0], P07_SENTENCES[1]]);
    expect(ops.quotableSentences({ text: 'Yes. No. Maybe so, I think that is right.', turns: [] })).toEqual(['Maybe so, I think that is right.']);
  });
});
