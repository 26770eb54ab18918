/** Stage: our own lantern/project.json puts back what REFI-QDA cannot hold. */
import type { Project } from '../../../model/schema';
import { applyExtras } from '../extras';
import type { ReadContext } from './context';

export function restoreExtras(ctx: ReadContext, project: Project): Project {
  if (!ctx.extras) return project;
  ctx.progress({ step: 'extras', done: 0, total: 1 });
  ctx.report.restoredLanternData = true;
  return applyExtras(project, ctx.extras, ctx.unchangedTexts);
}
