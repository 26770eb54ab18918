/** One file in the import dialog: its state from picked to read (or refused), and how that state is shown. */
import type { AnalyzeOptions, ImportPreview } from '../../../../shared/import';
import type { PickedFile } from '../../host';
import type { SpeakerChoices } from './SpeakerTable';

export type Status = 'waiting' | 'reading' | 'ready' | 'refused' | 'cancelled';

export interface Entry {
  key: string;
  file: PickedFile;
  status: Status;
  preview?: ImportPreview;
  problem?: string;
  /** Columns of a row file refused for want of a text column, so one can be chosen. */
  headers?: string[];
  options: AnalyzeOptions;
  choices: SpeakerChoices;
  include: boolean;
}

export const formatNumber = (n: number) => n.toLocaleString();

export function statusText(e: Entry): string {
  switch (e.status) {
    case 'waiting':
      return 'waiting';
    case 'reading':
      return 'reading…';
    case 'ready': {
      const p = e.preview!;
      return p.documents.length > 1 ? `${p.documents.length} sources` : p.speakers.length ? `${p.speakers.length} speakers` : 'text';
    }
    case 'refused':
      return 'refused';
    case 'cancelled':
      return 'cancelled';
  }
}
