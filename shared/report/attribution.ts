/**
 * The line under a quote, e.g. "Participant, Site B", from a template over case
 * attributes. Pseudonymous by design: only what the template names appears, and a
 * source's file name (which often carries a real name or a date) only when allowed.
 */

export interface AttributionFacts {
  /** The case's attributes by name. */
  attributes: Readonly<Record<string, string>>;
  caseName?: string | null;
  speaker?: string | null;
  sourceName?: string | null;
}

export interface AttributionOptions {
  showSourceNames: boolean;
}

const FALLBACK = 'Interviewee';

/** The names a template refers to, e.g. ["role", "site"] for "{role}, {site}". */
export function templateFields(template: string): string[] {
  return [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!.trim());
}

const BUILT_IN_FIELDS = ['case', 'speaker', 'source'];

/**
 * Why an attribution template will not read as asked: a field that names no attribute is
 * left out, and {source} is left out unless source names may be shown. Reports still write
 * (the line degrades gracefully), but a researcher must be told, not find out in the quotes.
 */
export function attributionWarnings(
  template: string,
  attributeNames: readonly string[],
  options: AttributionOptions,
): string[] {
  const known = new Set([...BUILT_IN_FIELDS, ...attributeNames.map((n) => n.toLowerCase())]);
  const fields = [...new Set(templateFields(template))];
  const warnings: string[] = [];
  const unknown = fields.filter((f) => !known.has(f.toLowerCase()));
  if (unknown.length) {
    warnings.push(
      `the attribution names ${unknown.map((f) => `{${f}}`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not an attribute of this project, so ${unknown.length === 1 ? 'it is' : 'they are'} left out (fields: ${[...BUILT_IN_FIELDS, ...attributeNames].map((f) => `{${f}}`).join(' ')})`,
    );
  }
  if (!options.showSourceNames && fields.some((f) => f.toLowerCase() === 'source')) {
    warnings.push(
      '{source} is left out of the attribution because source names are hidden (file names often carry real names); allow showing source names to use it',
    );
  }
  return warnings;
}

export function formatAttribution(template: string, facts: AttributionFacts, options: AttributionOptions): string {
  const byLowerName = new Map(Object.entries(facts.attributes).map(([k, v]) => [k.toLowerCase(), v]));
  const value = (field: string): string => {
    const key = field.toLowerCase();
    if (byLowerName.has(key)) return capitalise(byLowerName.get(key)!.trim());
    if (key === 'case') return facts.caseName?.trim() ?? '';
    if (key === 'speaker') return facts.speaker?.trim() ?? '';
    if (key === 'source') return options.showSourceNames ? (facts.sourceName?.trim() ?? '') : '';
    return '';
  };
  // Split into literal, field, literal, field, ... and keep a separator only between two values
  // that are both present, so "{role}, {site}" without a site reads "Participant", not "Participant, ".
  const parts = template.split(/\{([^{}]+)\}/);
  let out = '';
  let emitted = false;
  let pending = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const v = value(parts[i]!);
    if (v) {
      out += emitted || !isSeparator(pending) ? pending : '';
      out += v;
      emitted = true;
      pending = parts[i + 1] ?? '';
    } else if (!emitted) {
      pending = parts[i + 1] ?? '';
    }
  }
  if (parts.length === 1) return template.trim() || FALLBACK;
  if (emitted && !isSeparator(pending)) out += pending;
  return out.trim() || FALLBACK;
}

function isSeparator(literal: string): boolean {
  return /^[\s,;:/|·–—-]*$/.test(literal);
}

function capitalise(s: string): string {
  return s ? s[0]!.toLocaleUpperCase() + s.slice(1) : s;
}
