/** The speakers found in one file: rename, merge, mark the interviewer, and map respondents to cases. */
import type { SpeakerSummary } from '../../../../shared/import';

export interface SpeakerChoices {
  /** Original name -> new name. */
  rename: Record<string, string>;
  /** Original name -> original name of the speaker it joins. */
  merge: Record<string, string>;
  /** Original name -> asks the questions. */
  interviewer: Record<string, boolean>;
  /** Original name -> case name. */
  cases: Record<string, string>;
}

export const noChoices = (): SpeakerChoices => ({ rename: {}, merge: {}, interviewer: {}, cases: {} });

export interface SpeakerTableProps {
  fileName: string;
  speakers: SpeakerSummary[];
  choices: SpeakerChoices;
  caseNames: string[];
  /** Survey answers are labelled by question, not by person: no interviewer, no case per label. */
  questions?: boolean;
  onChange: (choices: SpeakerChoices) => void;
}

export function SpeakerTable({ fileName, speakers, choices, caseNames, questions = false, onChange }: SpeakerTableProps) {
  const listId = `import-cases-${fileName.replace(/[^\w-]/g, '_')}`;
  const set = <K extends keyof SpeakerChoices>(key: K, speaker: string, value: SpeakerChoices[K][string]) =>
    onChange({ ...choices, [key]: { ...choices[key], [speaker]: value } });
  const isInterviewer = (s: SpeakerSummary) => choices.interviewer[s.name] ?? s.role === 'interviewer';
  return (
    <table className="grid import-speakers" aria-label={`${questions ? 'Questions' : 'Speakers'} in ${fileName}`}>
      <thead>
        <tr>
          <th scope="col">{questions ? 'Question' : 'Speaker'}</th>
          <th scope="col">{questions ? 'Answers' : 'Turns'}</th>
          {!questions && <th scope="col">Interviewer</th>}
          <th scope="col">{questions ? 'Same question as' : 'Same person as'}</th>
          {!questions && <th scope="col">Case</th>}
        </tr>
      </thead>
      <tbody>
        {speakers.map((s) => (
          <tr key={s.name} data-speaker={s.name}>
            <td>
              <input
                aria-label={`Name for speaker ${s.name}`}
                value={choices.rename[s.name] ?? s.name}
                onChange={(e) => set('rename', s.name, e.target.value)}
              />
            </td>
            <td className="num">{s.turns}</td>
            {!questions && (
              <td>
                <input
                  type="checkbox"
                  aria-label={`${s.name} is the interviewer`}
                  checked={isInterviewer(s)}
                  onChange={(e) => set('interviewer', s.name, e.target.checked)}
                />
              </td>
            )}
            <td>
              <select aria-label={`Merge ${s.name} into`} value={choices.merge[s.name] ?? ''} onChange={(e) => set('merge', s.name, e.target.value)}>
                <option value="">{questions ? '(separate question)' : '(separate speaker)'}</option>
                {speakers
                  .filter((o) => o.name !== s.name)
                  .map((o) => (
                    <option key={o.name} value={o.name}>
                      {choices.rename[o.name] || o.name}
                    </option>
                  ))}
              </select>
            </td>
            {!questions && (
              <td>
                <input
                  aria-label={`Case for ${s.name}`}
                  list={listId}
                  placeholder={isInterviewer(s) ? '' : 'e.g. P07'}
                  value={choices.cases[s.name] ?? ''}
                  onChange={(e) => set('cases', s.name, e.target.value)}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
      <caption className="small muted">
        <datalist id={listId}>
          {caseNames.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        {questions
          ? 'Each respondent becomes a case; their answers are labelled by question.'
          : 'Rename a speaker, or choose who they are the same person as, to merge them.'}
      </caption>
    </table>
  );
}

/** The user's choices as edits for applyPreview (merges and roles are by final name). */
export function toEdits(speakers: SpeakerSummary[], choices: SpeakerChoices) {
  const finalName = (name: string): string => {
    const target = choices.merge[name];
    const base = target && target !== name ? target : name;
    return choices.rename[base]?.trim() || base;
  };
  const rename: Record<string, string> = {};
  for (const s of speakers) if (finalName(s.name) !== s.name) rename[s.name] = finalName(s.name);
  const interviewer = [...new Set(speakers.filter((s) => choices.interviewer[s.name] ?? s.role === 'interviewer').map((s) => finalName(s.name)))];
  const speakerCase: Record<string, string> = {};
  for (const s of speakers) {
    const caseName = choices.cases[s.name]?.trim();
    if (caseName) speakerCase[finalName(s.name)] = caseName;
  }
  return { rename, interviewer, speakerCase };
}
