/**
 * Report and export: the theme report's options (remembered in the project), writing it
 * with progress, and the other exports (coded excerpts to CSV or Excel, the codebook).
 */
import { useMemo, useState } from 'react';
// The options and template helpers only: the report builder (docx, charts) loads when a report is written.
import { reportOptions, saveReportOptions, savedReportOptions } from '../../../../shared/report/options';
import type { ReportOptions } from '../../../../shared/report/options';
import { attributionWarnings } from '../../../../shared/report/attribution';
import { groupingWarnings } from '../../../../shared/report/grouping';
import type { ReportProgress, WordTemplate } from '../../../../shared/report';
import { useProject, useProjectStore } from '../../store';
import { attempt, toast } from '../../app/toast';
import type { ExportKind } from './exports';
import { EXPORT_MENU, pickTemplate, saveExport, saveThemeReport } from './exports';
import './report.css';
import { useServices } from '../../app/services';

export default function ReportView() {
  const { host } = useServices();
  const store = useProjectStore();
  const themes = useProject((p) => p.themes);
  const attributes = useProject((p) => p.attributes);
  const cases = useProject((p) => p.cases);
  const settings = useProject((p) => p.settings);
  const remembered = useMemo(() => savedReportOptions({ settings }), [settings]);
  const [draft, setDraft] = useState<ReportOptions | null>(null);
  const options = draft ?? remembered;
  const [progress, setProgress] = useState<ReportProgress | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Kept for this session only: a template is a file of the user's, not part of the project.
  const [template, setTemplate] = useState<WordTemplate | null>(null);

  const topThemes = useMemo(
    () => themes.filter((t) => !t.parentId).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)),
    [themes],
  );
  const chosen = new Set(options.themeIds.length ? options.themeIds : topThemes.map((t) => t.id));
  const update = (patch: Partial<ReportOptions>) => setDraft(reportOptions({ ...options, ...patch }));
  const toggleTheme = (id: string, on: boolean) => {
    const next = topThemes.filter((t) => (t.id === id ? on : chosen.has(t.id))).map((t) => t.id);
    update({ themeIds: next.length === topThemes.length ? [] : next });
  };
  // The same warnings qda report prints, where the choice is made.
  const attributionProblems = attributionWarnings(
    options.attributionTemplate,
    attributes.map((a) => a.name),
    options,
  );
  const groupingProblems = useMemo(
    () => groupingWarnings({ attributes, cases }, options.groupBy),
    [attributes, cases, options.groupBy],
  );
  const nothingChosen = topThemes.length === 0 || chosen.size === 0;

  const writeReport = () =>
    attempt(async () => {
      setBusy('report');
      setProgress({ done: 0, total: 1, step: 'Starting' });
      try {
        const project = store.getProject();
        // Remember the choices with the project, outside the undo history: they are preferences, not edits.
        if (JSON.stringify(options) !== JSON.stringify(remembered))
          await store.apply(saveReportOptions(project, options), { record: false });
        const saved = await saveThemeReport(host, store.getProject(), options, setProgress, template ?? undefined);
        if (saved) toast.info(`Saved the report to ${saved}`);
      } finally {
        setBusy(null);
        setProgress(null);
      }
    });

  const runExport = (kind: ExportKind) =>
    attempt(async () => {
      setBusy(kind);
      try {
        const saved = await saveExport(host, store.getProject(), kind);
        if (saved) toast.info(`Exported to ${saved}`);
      } finally {
        setBusy(null);
      }
    });

  return (
    <div className="page report-page">
      <div className="page-header">
        <h1>Report and export</h1>
      </div>
      <section className="panel report-panel" aria-labelledby="report-heading">
        <div className="panel-header">
          <h2 id="report-heading">Theme report (Word)</h2>
        </div>
        <div className="panel-body report-form">
          <fieldset className="report-themes">
            <legend>Themes, one chapter each</legend>
            {topThemes.length === 0 && (
              <p className="muted">The project has no themes yet. Build them in the Themes view.</p>
            )}
            {topThemes.map((t) => (
              <label key={t.id} className="report-check">
                <input
                  type="checkbox"
                  checked={chosen.has(t.id)}
                  onChange={(e) => toggleTheme(t.id, e.target.checked)}
                />
                {t.name}
              </label>
            ))}
          </fieldset>
          <div className="report-settings">
            <label className="field">
              <span>Compare groups by</span>
              <select
                value={options.groupBy ?? ''}
                onChange={(e) => update({ groupBy: e.target.value || null })}
                aria-describedby={groupingProblems.length ? 'grouping-help' : undefined}
              >
                <option value="">No split</option>
                {attributes.map((a) => (
                  <option key={a.id} value={a.name}>
                    {a.name}
                  </option>
                ))}
              </select>
              {groupingProblems.length > 0 && (
                <small id="grouping-help" className="report-warning">
                  {groupingProblems.map(asSentence).join(' ')}
                </small>
              )}
            </label>
            <label className="field">
              <span>Quotes per theme</span>
              <input
                type="number"
                min={0}
                max={100}
                value={options.quotesPerTheme}
                onChange={(e) =>
                  update({ quotesPerTheme: Math.max(0, Math.min(100, Math.round(Number(e.target.value) || 0))) })
                }
              />
            </label>
            <label className="field">
              <span>Attribution under each quote</span>
              <input
                value={options.attributionTemplate}
                maxLength={200}
                onChange={(e) => update({ attributionTemplate: e.target.value })}
                aria-describedby="attribution-help"
              />
              <small id="attribution-help" className={attributionProblems.length ? 'report-warning' : 'muted'}>
                {attributionProblems.length
                  ? attributionProblems.map(asSentence).join(' ')
                  : `Fields: ${['case', ...attributes.map((a) => a.name)].map((f) => `{${f}}`).join(' ')}`}
              </small>
            </label>
            <label className="report-check">
              <input
                type="checkbox"
                checked={options.includeCharts}
                onChange={(e) => update({ includeCharts: e.target.checked })}
              />
              Chart of each theme
              <span className="muted">{options.groupBy ? '(cases by group)' : '(excerpts, sources and cases per code)'}</span>
            </label>
            <label className="report-check">
              <input
                type="checkbox"
                checked={options.includeCodebook}
                onChange={(e) => update({ includeCodebook: e.target.checked })}
              />
              Codebook as an appendix
            </label>
            <label className="report-check">
              <input
                type="checkbox"
                checked={options.showSourceNames}
                onChange={(e) => update({ showSourceNames: e.target.checked })}
              />
              Allow {'{source}'} (file names) in attributions
            </label>
            <div className="row report-template">
              <button
                type="button"
                onClick={() => attempt(async () => setTemplate((await pickTemplate(host)) ?? template))}
              >
                Word template…
              </button>
              {template ? (
                <>
                  <span title="Headings, quotes and tables take this document's styles">{template.name}</span>
                  <button type="button" className="link" onClick={() => setTemplate(null)}>
                    Remove
                  </button>
                </>
              ) : (
                <span className="muted">Built-in styles</span>
              )}
            </div>
          </div>
          <div className="row report-actions">
            <button type="button" className="primary" disabled={busy !== null || nothingChosen} onClick={writeReport}>
              Write report…
            </button>
            {progress && (
              <span className="row" role="status" aria-live="polite">
                <progress max={progress.total} value={progress.done} aria-label="Report progress" />
                <span className="muted">{progress.step}</span>
              </span>
            )}
          </div>
        </div>
      </section>
      <section className="panel report-panel" aria-labelledby="export-heading">
        <div className="panel-header">
          <h2 id="export-heading">Other exports</h2>
        </div>
        <div className="panel-body">
          <ul className="report-exports">
            {EXPORT_MENU.map((e) => (
              <li key={e.kind}>
                <button type="button" disabled={busy !== null} onClick={() => runExport(e.kind)}>
                  {e.label}
                </button>
                <span className="muted">{e.hint}</span>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </div>
  );
}

/** The shared warnings are clauses (qda report prefixes its name); here each is a sentence. */
function asSentence(warning: string): string {
  return `${warning[0]!.toUpperCase()}${warning.slice(1)}.`;
}
