/** Options `qda query` and `qda matrix` share: naming codes, themes, attributes and coders, and the filter they build. */
import type { AnalysisIndex, ExcerptFilter } from '../../shared/analysis';
import { findCode, findTheme, parseWhere, UnknownAttributeError } from '../../shared/analysis';
import type { Guid } from '../../shared/model/schema';
import { usageError } from '../io';

function listOf(names: string[]): string {
  const shown = names.slice(0, 12).map((n) => `'${n}'`).join(', ');
  return names.length > 12 ? `${shown}, ... (${names.length} in all)` : shown || '(none)';
}

export function resolveCodes(index: AnalysisIndex, names: string[], file: string): Guid[] {
  return names.map((name) => {
    const code = findCode(index, name);
    if (!code) throw usageError(`${file}: no code named '${name}'. Codes: ${listOf([...index.codes.values()].map((c) => c.name))}`);
    return code.id;
  });
}

export function resolveTheme(index: AnalysisIndex, name: string, file: string): Guid {
  const theme = findTheme(index, name);
  if (!theme) throw usageError(`${file}: no theme named '${name}'. Themes: ${listOf([...index.themes.values()].map((t) => t.name))}`);
  return theme.id;
}

export function analysisFilter(
  index: AnalysisIndex,
  file: string,
  values: { where?: string[]; coder?: string[]; text?: string; 'include-interviewer'?: boolean },
): ExcerptFilter {
  const where = (values.where ?? []).map((w) => {
    const cond = parseWhere(w);
    if (!cond) throw usageError(`--where '${w}' is not ATTRIBUTE=VALUE (several values: ATTRIBUTE=A,B)`);
    return cond;
  });
  const coderIds = (values.coder ?? []).map((name) => {
    const coder = [...index.coders.values()].find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (!coder) throw usageError(`${file}: no coder named '${name}'. Coders: ${listOf([...index.coders.values()].map((c) => c.name))}`);
    return coder.id;
  });
  return {
    ...(where.length ? { where } : {}),
    ...(coderIds.length ? { coderIds } : {}),
    ...(values.text ? { text: values.text } : {}),
    ...(values['include-interviewer'] ? { roles: ['interviewer', 'respondent'] as const } : {}),
  } as ExcerptFilter;
}

/** An unknown attribute is a mistyped argument: say so with the names that exist. */
export function withAnalysisErrors<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof UnknownAttributeError) throw usageError(`${file}: ${error.message}`);
    throw error;
  }
}
