/**
 * The reviewer's decisions, kept in the project (a settings row, so it travels in the
 * .qdpx through the Lantern extras like every setting) so that a transcript imported
 * later is de-identified with the same mapping. They live only in the original: the
 * de-identified copy never carries them.
 */
import { z } from 'zod';
import { put, type ChangeSet } from '../model/changes';
import type { Project, Setting } from '../model/schema';
import { deidCategorySchema, deidOriginSchema } from './categories';

export const DEID_SETTING = 'deid.decisions';

/** One identifier: its forms, its pseudonym, and whether it is replaced. */
export const deidDecisionSchema = z.object({
  /** The group's key: its longest form, lower case (see group.ts). */
  key: z.string().min(1),
  label: z.string().min(1),
  category: deidCategorySchema,
  pseudonym: z.string(),
  /** Replaced in the copy (accepted) or left as it is (rejected). */
  accepted: z.boolean(),
  /** Every form to replace, e.g. "David Kim", "Mr Kim", "David". */
  variants: z.array(z.string().min(1)),
  /** Single occurrences left as they are, by hitKey (see find.ts). */
  exceptions: z.array(z.string()),
  origins: z.array(deidOriginSchema),
});
export type DeidDecision = z.infer<typeof deidDecisionSchema>;

export const deidDecisionsSchema = z.object({ version: z.literal(1), decisions: z.array(deidDecisionSchema) });
export type DeidDecisions = z.infer<typeof deidDecisionsSchema>;

/** The saved decisions; none when there are none or the row is damaged (the review starts afresh). */
export function savedDecisions(project: Pick<Project, 'settings'>): DeidDecision[] {
  const row = project.settings.find((s) => s.id === DEID_SETTING);
  const parsed = deidDecisionsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data.decisions : [];
}

export function saveDecisions(project: Pick<Project, 'settings'>, decisions: readonly DeidDecision[]): ChangeSet {
  const before = project.settings.find((s) => s.id === DEID_SETTING) ?? null;
  const after: Setting = { id: DEID_SETTING, value: { version: 1, decisions: [...decisions] } satisfies DeidDecisions };
  return { label: 'Save de-identification decisions', changes: [put('settings', before, after)] };
}

/** What an accepted identifier becomes: its pseudonym, or "[Removed]" when that was left empty, never itself. */
export function replacementOf(decision: Pick<DeidDecision, 'pseudonym'>): string {
  return decision.pseudonym.trim() || '[Removed]';
}
