/** What an import did, shown after it: sources imported, duplicates skipped, files refused, attributes matched. */
import type { AttributeImportReport, FileReport } from '../../../../shared/import';
import { formatNumber } from './import-entry';

export function ResultSummary({ files }: { files: FileReport[] }) {
  const imported = files.filter((f) => f.status === 'imported');
  const sources = imported.reduce((n, f) => n + f.sources.length, 0);
  return (
    <div className="import-result" role="status" aria-label="Import result">
      {imported.length > 0 && (
        <p>
          Imported {sources === 1 ? '1 source' : `${formatNumber(sources)} sources`} from {imported.length === 1 ? '1 file' : `${imported.length} files`}.
        </p>
      )}
      <ul>
        {files.flatMap((f) => [
          ...f.duplicates.map((d) => (
            <li key={`${f.fileName}-${d.name}`}>
              Skipped {d.name}: the same text as {d.existing}, already in the project.
            </li>
          )),
          ...(f.status === 'refused' ? [<li key={`${f.fileName}-refused`} className="import-problem">{f.problem}</li>] : []),
        ])}
      </ul>
    </div>
  );
}

export function AttributeSummary({ fileName, report, problem }: { fileName: string; report?: AttributeImportReport; problem?: string }) {
  return (
    <div className="import-result" role="status" aria-label="Attribute import result">
      {problem && <p className="import-problem">{problem}</p>}
      {report && (
        <>
          <p>
            {fileName}: {report.rowsMatched} row{report.rowsMatched === 1 ? '' : 's'} matched by “{report.keyColumn}”
            {report.attributesCreated.length > 0 && `; new attributes ${report.attributesCreated.join(', ')}`}
            {report.casesCreated.length > 0 && `; ${report.casesCreated.length} new case${report.casesCreated.length === 1 ? '' : 's'}`}.
          </p>
          <ul>
            {report.unmatched.map((u) => (
              <li key={`u${u.line}`}>
                Row {u.line}: “{u.key}” matches no document or case.
              </li>
            ))}
            {report.badValues.map((b) => (
              <li key={`b${b.line}-${b.attribute}`} className="import-problem">
                Row {b.line} ({b.key}): {b.problem}; not stored.
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

