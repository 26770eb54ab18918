/**
 * Apply for the app: build the de-identified copy, check every coding, and save it as a
 * new .qdpx through the host; the mapping goes to a CSV file of its own, and only when
 * asked. The open project is not changed (the decisions are saved by the view).
 */
import type { DeidDecision } from '../../../../shared/deid';
import { applyDeidentification, checkCodings, mappingCsv } from '../../../../shared/deid';
import { writeQdpx } from '../../../../shared/formats/refi';
import type { Project } from '../../../../shared/model';
import { isoNow, newGuid } from '../../../../shared/model';
import type { Host } from '../../host';
import { fileStem } from '../report/exports';

export interface SavedCopy {
  /** Where the host saved it (a path on the desktop, a download name in the browser). */
  savedAs: string;
  name: string;
  bytes: Uint8Array;
  replaced: number;
  codings: number;
  mappingSavedAs: string | null;
}

export async function saveDeidentifiedCopy(host: Pick<Host, 'saveFile'>, project: Project, decisions: readonly DeidDecision[], withMapping: boolean): Promise<SavedCopy | null> {
  const { project: copy, mapping, replaced } = applyDeidentification(project, { decisions, newId: newGuid(), now: isoNow() });
  const check = checkCodings(project, copy, decisions);
  if (check.problems.length > 0) {
    const p = check.problems[0]!;
    throw new Error(`The copy was not saved: ${check.problems.length} coding(s) would not cover the same words (in ${p.source}: "${p.expected}" became "${p.found}")`);
  }
  const bytes = writeQdpx(copy);
  const name = `${fileStem(copy)}.qdpx`;
  const savedAs = await host.saveFile({ title: 'Save the de-identified copy', suggestedName: name, filters: [{ name: 'REFI-QDA project', extensions: ['qdpx'] }], bytes });
  if (!savedAs) return null;
  let mappingSavedAs: string | null = null;
  if (withMapping) {
    mappingSavedAs = await host.saveFile({
      title: 'Save the mapping (keep it apart from the copy)',
      suggestedName: `${fileStem(project)} - de-identification mapping.csv`,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      bytes: new TextEncoder().encode(mappingCsv(mapping)),
    });
  }
  return { savedAs, name: savedAs.split(/[\\/]/).pop() ?? name, bytes, replaced, codings: check.checked, mappingSavedAs };
}
