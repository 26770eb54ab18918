/** What the coding workspace does to the project, each as one undoable change set. */
import type { ChangeSet, CodeOrigin } from '../../../../shared/model';
import { applyChanges } from '../../../../shared/model';
import { applyCode, createCode, removeCode } from '../../../../shared/ops';
import type { ProjectStore } from '../../store';
import type { TextSelection } from './selection';

function requireSpan(target: TextSelection | null): TextSelection {
  if (!target || target.end <= target.start) throw new Error('Select some text first (or press T to code the whole turn)');
  return target;
}

export function applyCodeTo(store: ProjectStore, target: TextSelection | null, codeId: string): ChangeSet {
  const span = requireSpan(target);
  return store.run((p, ctx) => applyCode(p, ctx, { sourceId: span.sourceId, codeId, start: span.start, end: span.end }));
}

/**
 * Create a code and apply it in one step (one undo): from the palette (inductive) or
 * from the selected words (in vivo). A top-level code of that name is reused.
 */
export function createAndApply(store: ProjectStore, target: TextSelection | null, name: string, origin: CodeOrigin): { codeId: string; created: boolean } {
  const span = requireSpan(target);
  const project = store.getProject();
  const existing = project.codes.find((c) => c.parentId === null && c.name.toLowerCase() === name.trim().toLowerCase());
  if (existing) {
    applyCodeTo(store, span, existing.id);
    return { codeId: existing.id, created: false };
  }
  const ctx = store.context();
  const created = createCode(project, ctx, { name, origin, firstSourceId: span.sourceId });
  const applied = applyCode(applyChanges(project, created), ctx, { sourceId: span.sourceId, codeId: created.id, start: span.start, end: span.end });
  const label = origin === 'in-vivo' ? `Code in vivo ${name.trim()}` : `Create and apply '${name.trim()}'`;
  void store.apply({ label, changes: [...created.changes, ...applied.changes] });
  return { codeId: created.id, created: true };
}

/** Remove the current coder's coverage of a code from the selected span. */
export function removeCodeFrom(store: ProjectStore, target: TextSelection | null, codeId: string, coderId: string | null): ChangeSet {
  const span = requireSpan(target);
  return store.run((p, ctx) =>
    removeCode(p, ctx, { sourceId: span.sourceId, codeId, start: span.start, end: span.end, ...(coderId ? { coderId } : {}) }),
  );
}
