/** Which columns of a spreadsheet hold the speaker, the words, the time and the conversation, or which are open-ended answers. */
import type { AnalyzeOptions, TableInfo } from '../../../../shared/import';

export interface ColumnMappingProps {
  fileName: string;
  table: TableInfo;
  onChange: (options: AnalyzeOptions) => void;
}

const ROLES = [
  { key: 'speaker', label: 'Speaker column' },
  { key: 'text', label: 'Text column' },
  { key: 'time', label: 'Time column' },
  { key: 'case', label: 'Conversation or respondent column' },
] as const;

export function ColumnMapping({ fileName, table, onChange }: ColumnMappingProps) {
  const roles = table.mode === 'survey' ? ROLES.filter((r) => r.key === 'case') : ROLES;
  const change = (patch: Partial<AnalyzeOptions>) =>
    onChange({ mode: table.mode, columns: table.mapping, ...(table.mode === 'survey' ? { openEnded: table.openEnded } : {}), ...patch });
  return (
    <fieldset className="import-columns">
      <legend>Columns of {fileName}</legend>
      <label className="field">
        <span>Each row is</span>
        <select
          aria-label="Each row is"
          value={table.mode}
          onChange={(e) => onChange({ mode: e.target.value as TableInfo['mode'], columns: e.target.value === 'survey' ? { case: table.mapping.case } : {} })}
        >
          <option value="utterances">one utterance (speaker and text)</option>
          <option value="survey">one respondent (survey answers)</option>
        </select>
      </label>
      {roles.map((role) => (
        <label className="field" key={role.key}>
          <span>{role.label}</span>
          <select
            aria-label={role.label}
            value={table.mapping[role.key] ?? ''}
            onChange={(e) => change({ columns: { ...table.mapping, [role.key]: e.target.value || undefined } })}
          >
            <option value="">(none)</option>
            {table.headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
      ))}
      {table.mode === 'survey' && (
        <div className="field" role="group" aria-label="Open-ended questions">
          <span>Open-ended questions (codable text; the other columns become case attributes)</span>
          {table.headers
            .filter((h) => h !== table.mapping.case)
            .map((h) => (
              <label key={h} className="import-check">
                <input
                  type="checkbox"
                  checked={table.openEnded.includes(h)}
                  onChange={(e) => change({ openEnded: e.target.checked ? [...table.openEnded, h] : table.openEnded.filter((x) => x !== h) })}
                />{' '}
                {h}
              </label>
            ))}
        </div>
      )}
    </fieldset>
  );
}
