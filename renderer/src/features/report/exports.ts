/**
 * What the Report view writes, each loaded on demand (docx and exceljs are large) and
 * saved through the host, so the desktop app gets a native dialog and the browser a download.
 */
import type { Project } from '../../../../shared/model';
import type { ReportOptions, ReportProgress, WordTemplate } from '../../../../shared/report';
import { writeQdc } from '../../../../shared/formats/refi';
import type { Host } from '../../host';
import { rasterizeInBrowser } from './rasterize';

// The REFI writer is in the app's main bundle already (Open and Save use it), so it is imported directly.
const DOCX = { name: 'Word document', extensions: ['docx'] };

/** Characters no file system accepts in a name, control characters included. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** A file name from the project's name that every system accepts. */
export function fileStem(project: Project): string {
  return project.meta.name.replace(UNSAFE_IN_FILE_NAMES, ' ').trim().slice(0, 80) || 'project';
}

export async function saveThemeReport(
  host: Pick<Host, 'saveFile'>,
  project: Project,
  options: ReportOptions,
  onProgress: (p: ReportProgress) => void,
  template?: WordTemplate,
): Promise<string | null> {
  const { buildThemeReport } = await import('../../../../shared/report');
  const bytes = await buildThemeReport(
    project,
    options,
    { rasterize: rasterizeInBrowser, ...(template ? { template } : {}) },
    onProgress,
  );
  return host.saveFile({
    title: 'Save the report',
    suggestedName: `${fileStem(project)} - report.docx`,
    filters: [DOCX],
    bytes,
  });
}

export type ExportKind = 'csv' | 'xlsx' | 'codebook-docx' | 'qdc';

/** The exports the File menu and the Report view offer, in that order. */
export const EXPORT_MENU: { kind: ExportKind; label: string; hint: string }[] = [
  {
    kind: 'xlsx',
    label: 'Coded excerpts (Excel)…',
    hint: 'One row per coding: source, case, attributes, speaker, code levels, coder, text.',
  },
  { kind: 'csv', label: 'Coded excerpts (CSV)…', hint: 'The same rows as UTF-8 CSV, safe to open in Excel.' },
  {
    kind: 'codebook-docx',
    label: 'Codebook (Word)…',
    hint: 'Hierarchy, definitions, inclusion, exclusion, examples, origin.',
  },
  { kind: 'qdc', label: 'Codebook (REFI-QDA .qdc)…', hint: 'For NVivo, ATLAS.ti, MAXQDA and QualCoder.' },
];

export async function saveExport(host: Pick<Host, 'saveFile'>, project: Project, kind: ExportKind): Promise<string | null> {
  const stem = fileStem(project);
  const save = (suggestedName: string, filter: { name: string; extensions: string[] }, bytes: Uint8Array) =>
    host.saveFile({ title: 'Export', suggestedName, filters: [filter], bytes });
  switch (kind) {
    case 'csv':
    case 'xlsx': {
      const [{ buildAnalysisIndex }, exp] = await Promise.all([
        import('../../../../shared/analysis'),
        import('../../../../shared/export'),
      ]);
      const table = exp.excerptTable(buildAnalysisIndex(project));
      return kind === 'csv'
        ? save(
            `${stem} - coded excerpts.csv`,
            { name: 'CSV (Excel, R, SPSS)', extensions: ['csv'] },
            exp.excerptsCsv(table),
          )
        : save(
            `${stem} - coded excerpts.xlsx`,
            { name: 'Excel workbook', extensions: ['xlsx'] },
            await exp.excerptsXlsx(table, { sheetName: project.meta.name }),
          );
    }
    case 'codebook-docx': {
      const { buildCodebookDocx } = await import('../../../../shared/report');
      return save(`${stem} - codebook.docx`, DOCX, await buildCodebookDocx(project));
    }
    case 'qdc': {
      return save(
        `${stem}.qdc`,
        { name: 'REFI-QDA codebook', extensions: ['qdc'] },
        new TextEncoder().encode(writeQdc(project)),
      );
    }
  }
}

/** Let the user pick a house-style Word document or template for the report. */
export async function pickTemplate(host: Pick<Host, 'openFiles'>): Promise<WordTemplate | null> {
  const [file] = await host.openFiles({
    title: 'Choose a Word template',
    filters: [{ name: 'Word document or template', extensions: ['docx', 'dotx'] }],
    multiple: false,
  });
  return file ? { bytes: file.bytes, name: file.name } : null;
}
