/**
 * What the user chose in the report dialog. Stored in the project (Setting row
 * 'report.options') so the dialog opens with last time's choices, and validated on
 * the way back in because a project file may come from an older or another version.
 */
import { z } from 'zod';
import type { ChangeSet } from '../model/changes';
import { put } from '../model/changes';
import type { Project, Setting } from '../model/schema';

export const REPORT_OPTIONS_SETTING = 'report.options';

export const reportOptionsSchema = z.object({
  /** Themes to report, in this order; empty means every top-level theme in the project's order. */
  themeIds: z.array(z.string()).default([]),
  /** Attribute (id or name) whose values split the codes table and the chart, e.g. "group". Null: no split. */
  groupBy: z.string().nullable().default(null),
  /** Attribute (id or name) quotes are spread across besides the group, e.g. "site". Null: found by name. */
  spreadBy: z.string().nullable().default(null),
  quotesPerTheme: z.number().int().min(0).max(100).default(4),
  /** "{role}, {site}": each {name} is a case attribute; also {case}, {speaker}, and {source} (only with showSourceNames). */
  attributionTemplate: z.string().max(200).default('{role}, {site}'),
  /** Quotes are pseudonymous by default: a source's file name often carries a real name or date. */
  showSourceNames: z.boolean().default(false),
  includeCharts: z.boolean().default(true),
  includeCodebook: z.boolean().default(true),
  /** Quotes longer than this many characters are passed over unless nothing shorter exists. */
  maxQuoteChars: z.number().int().min(40).max(20000).default(700),
  title: z.string().max(300).optional(),
});

export type ReportOptions = z.infer<typeof reportOptionsSchema>;
export type ReportOptionsInput = z.input<typeof reportOptionsSchema>;

export function reportOptions(input: ReportOptionsInput = {}): ReportOptions {
  return reportOptionsSchema.parse(input);
}

/** The options saved with the project, or defaults when none are saved or they no longer validate. */
export function savedReportOptions(project: Pick<Project, 'settings'>): ReportOptions {
  const row = project.settings.find((s) => s.id === REPORT_OPTIONS_SETTING);
  const parsed = reportOptionsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : reportOptions();
}

export function saveReportOptions(project: Pick<Project, 'settings'>, options: ReportOptions): ChangeSet {
  const before = project.settings.find((s) => s.id === REPORT_OPTIONS_SETTING) ?? null;
  const after: Setting = { id: REPORT_OPTIONS_SETTING, value: reportOptionsSchema.parse(options) };
  return { label: 'Remember report options', changes: [put('settings', before, after)] };
}
