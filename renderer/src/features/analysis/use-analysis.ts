/** The analysis index of the open project, rebuilt only when the project changes. */
import { useMemo } from 'react';
import type { AnalysisIndex } from '../../../../shared/analysis';
import { buildAnalysisIndex, findAttribute } from '../../../../shared/analysis';
import { useProject } from '../../store';

export function useAnalysisIndex(): AnalysisIndex {
  const project = useProject((p) => p);
  return useMemo(() => buildAnalysisIndex(project), [project]);
}

/** The values an attribute takes: its declared list, else those the cases use. */
export function attributeValues(index: AnalysisIndex, nameOrId: string): string[] {
  const attr = findAttribute(index, nameOrId);
  if (!attr) return [];
  if (attr.values?.length) return attr.values;
  const seen = new Set<string>();
  for (const c of index.cases.values()) {
    const v = c.values[attr.id];
    if (v) seen.add(v);
  }
  return [...seen].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}

/** Bytes for the host's saveFile. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
