/**
 * Shared by the ops tests: a small project with two coders and one transcript, and the one
 * check every change set goes through (apply it, validate the result against the schema,
 * invert it, and find the project exactly as it was).
 */
import { expect } from 'vitest';
import type { ChangeSet } from '../../../shared/model/changes';
import { applyChanges, invert } from '../../../shared/model/changes';
import type { OpContext } from '../../../shared/model/context';
import { seededGuids } from '../../../shared/model/ids';
import { canonicalProject, emptyProject } from '../../../shared/model/project';
import type { Guid, Project } from '../../../shared/model/schema';
import { projectSchema } from '../../../shared/model/schema';
import { addCoder, addSource } from '../../../shared/ops';
import { composeTranscript } from '../../../shared/text/compose';

/** The project after `set`, once the result is schema-valid and undo restores `before` exactly. */
export function applyChecked(before: Project, set: ChangeSet): Project {
  const after = applyChanges(before, set);
  const parsed = projectSchema.safeParse(after);
  expect(parsed.success, parsed.error?.message).toBe(true);
  expect(canonicalProject(applyChanges(after, invert(set)))).toEqual(canonicalProject(before));
  return after;
}

export interface OpsFixture {
  project: Project;
  /** Coder A, who makes most changes. */
  ctx: OpContext;
  /** Coder B, for what must stay apart between coders. */
  other: OpContext;
  /** "Interview 1": an interviewer's question and Ana's answer with an emoji in it. */
  sourceId: Guid;
}

export function opsFixture(): OpsFixture {
  const newId = seededGuids(42);
  let t = 0;
  const now = () => `2026-01-01T00:00:${String(t++ % 60).padStart(2, '0')}Z`;
  const ctx = { newId, now, coderId: newId() };
  const other = { newId, now, coderId: newId() };
  let project = emptyProject({ id: newId(), name: 'Test', now: now(), coder: { id: ctx.coderId, name: 'A' } });
  project = applyChecked(project, addCoder(project, { ...ctx, newId: () => other.coderId }, { name: 'B' }));
  const structure = composeTranscript([
    { speaker: 'Interviewer', text: 'What happened next?' },
    { speaker: 'Ana', text: 'We waited nine months for housing. Then the bus stopped 😀 running.' },
  ]);
  const source = addSource(project, ctx, { name: 'Interview 1', structure, format: 'txt' });
  project = applyChecked(project, source);
  return { project, ctx, other, sourceId: source.id };
}

/** Coding spans of a code as [start, end, coder] with A for ctx's coder and B for the other's, sorted. */
export function codingsOf(project: Project, ctx: OpContext, codeId: Guid): (string | number)[][] {
  return project.codings
    .filter((c) => c.codeId === codeId)
    .map((c) => [c.start, c.end, c.coderId === ctx.coderId ? 'A' : 'B'])
    .sort();
}
