/** Word reports: the theme report and the codebook on its own. */
export type { ReportDeps, ReportProgress } from './theme-report';
export { buildThemeReport, ReportError } from './theme-report';
export { buildCodebookDocx, ORIGIN_LABEL, codeNumbers } from './codebook';
export type { ReportOptions, ReportOptionsInput } from './options';
export {
  REPORT_OPTIONS_SETTING,
  reportOptions,
  reportOptionsSchema,
  saveReportOptions,
  savedReportOptions,
} from './options';
export type { AttributionFacts } from './attribution';
export { attributionWarnings, formatAttribution, templateFields } from './attribution';
export { groupingWarnings } from './grouping';
export type { QuoteCandidate } from './quotes';
export { selectQuotes } from './quotes';
export type { WordTemplate } from './template';
export { TemplateError, withTemplateStyles } from './template';
