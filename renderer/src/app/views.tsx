/**
 * The view registry: every top-level screen of the app, in navigation order. To add a
 * view, add one entry here (keep the component lazy so each view loads on demand); the
 * navigation, the view-switch command with its shortcut Alt+<n> (app/command-list.ts) and
 * routing pick it up. A view renders
 * inside the open project: it reads with useProject(selector) and changes the project
 * with useProjectStore().run(op) (see renderer/README.md).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface ViewDef {
  readonly id: string;
  label: string;
  /** A short glyph for the navigation rail (decorative; the label is the accessible name). */
  icon?: string;
  component: LazyExoticComponent<ComponentType> | ComponentType;
}

export const views = [
  { id: 'coding', label: 'Coding', icon: '✎', component: lazy(() => import('../features/coding/CodingView')) },
  { id: 'codebook', label: 'Codebook', icon: '☰', component: lazy(() => import('../features/codebook/CodebookView')) },
  { id: 'documents', label: 'Documents', icon: '▤', component: lazy(() => import('../features/documents/DocumentsView')) },
  { id: 'memos', label: 'Memos', icon: '✉', component: lazy(() => import('../features/memos/MemosView')) },
  { id: 'themes', label: 'Themes', icon: '◇', component: lazy(() => import('../features/themes/ThemesView')) },
  { id: 'analysis', label: 'Analysis', icon: '▦', component: lazy(() => import('../features/analysis/AnalysisView')) },
  { id: 'team', label: 'Team', icon: '⇄', component: lazy(() => import('../features/team/TeamView')) },
  { id: 'report', label: 'Report', icon: '❡', component: lazy(() => import('../features/report/ReportView')) },
  { id: 'deidentify', label: 'De-identify', icon: '⊘', component: lazy(() => import('../features/deid/DeidView')) },
] as const satisfies readonly ViewDef[];

/** A view's id: only the registry's ids type-check, so a renamed or removed view cannot be navigated to by a stale string. */
export type ViewId = (typeof views)[number]['id'];

const ids: ReadonlySet<string> = new Set(views.map((v) => v.id));
/** For ids that arrive as plain strings (a tab list's change event, the benchmark). */
export function isViewId(id: string): id is ViewId {
  return ids.has(id);
}
