/** The preview of one file in the import dialog: what it holds, its warnings, and the speaker and column choices. */
import type { AnalyzeOptions, ImportPreview, TableInfo } from '../../../../shared/import';
import { ColumnMapping } from './ColumnMapping';
import type { Entry } from './import-entry';
import { formatNumber } from './import-entry';
import { SpeakerTable } from './SpeakerTable';
import type { SpeakerChoices } from './SpeakerTable';

export function FileDetail({
  entry,
  edited,
  duplicates,
  caseNames,
  onChoices,
  onColumns,
}: {
  entry: Entry;
  edited: ImportPreview | undefined;
  duplicates: number;
  caseNames: string[];
  onChoices: (choices: SpeakerChoices) => void;
  onColumns: (options: AnalyzeOptions) => void;
}) {
  const p = entry.preview;
  const headerTable: TableInfo | null = entry.headers
    ? { headers: entry.headers, mode: 'utterances', mapping: {}, openEnded: [], attributeColumns: [], rowCount: 0 }
    : null;
  return (
    <section aria-label={`Preview of ${entry.file.name}`}>
      <h3>{entry.file.name}</h3>
      {entry.problem && (
        <p role="alert" className="import-problem">
          {entry.problem}
        </p>
      )}
      {headerTable && <ColumnMapping fileName={entry.file.name} table={headerTable} onChange={onColumns} />}
      {p && (
        <>
          <p className="small muted">
            {p.format.toUpperCase()}
            {p.encoding ? `, ${p.encoding}` : ''} · {p.documents.length === 1 ? '1 source' : `${formatNumber(p.documents.length)} sources`} ·{' '}
            {p.turns === 1 ? '1 turn' : `${formatNumber(p.turns)} turns`} · {formatNumber(p.chars)} characters
          </p>
          {duplicates > 0 && (
            <p className="import-duplicates">
              {duplicates === p.documents.length
                ? 'The project already holds this text; it will be skipped.'
                : `${duplicates} of ${p.documents.length} sources are already in the project and will be skipped.`}
            </p>
          )}
          {p.warnings.length > 0 && (
            <ul className="import-warnings" aria-label="Warnings">
              {p.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {p.table && <ColumnMapping fileName={entry.file.name} table={p.table} onChange={onColumns} />}
          {p.speakers.length > 0 ? (
            <SpeakerTable
              fileName={entry.file.name}
              speakers={p.speakers}
              choices={entry.choices}
              caseNames={caseNames}
              questions={p.format === 'survey'}
              onChange={onChoices}
            />
          ) : (
            <p className="small muted">No speaker labels found: the text is imported as narrative paragraphs.</p>
          )}
          {edited && <Sample preview={edited} />}
        </>
      )}
    </section>
  );
}

/** The start of the first source as it will be stored, so the user can check the structure. */
function Sample({ preview }: { preview: ImportPreview }) {
  const doc = preview.documents[0]!;
  const s = doc.structure;
  const blocks = s.turns.length
    ? s.turns.slice(0, 4).map((t) => ({ speaker: t.speaker, text: s.text.slice(t.start, t.end) }))
    : s.paragraphs.slice(0, 3).map((p) => ({ speaker: '', text: s.text.slice(p.start, p.end) }));
  return (
    <figure className="import-sample" aria-label="Sample of the imported text">
      <figcaption className="small muted">
        {preview.documents.length > 1 ? `First of ${formatNumber(preview.documents.length)} sources: ${doc.name}` : doc.name}
      </figcaption>
      {blocks.map((b, i) => (
        <p key={i}>
          {b.speaker && <strong>{b.speaker}: </strong>}
          {b.text.length > 280 ? `${b.text.slice(0, 280)}…` : b.text}
        </p>
      ))}
    </figure>
  );
}
