/**
 * What the "Opening <file>" dialog shows while a project file is opened: the step in
 * words, one progress fraction across reading and saving, and whether Cancel works.
 * A State (lib/state.ts, no React), driven by project-files.ts; OpeningDialog
 * only renders it.
 *
 * Reading can be cancelled (the worker is ended; nothing was touched). Saving cannot:
 * it is one all-or-nothing transaction, and stopping it half-way would only waste it.
 */
import type { ReadProgress, ReadStep } from '../../../shared/formats/refi';
import type { CreateProgress } from '../store';
import { createState } from '../lib/state';

export interface OpeningState {
  fileName: string;
  phase: 'reading' | 'saving';
  /** The current step in words, e.g. "Reading transcript 12 of 200". */
  step: string;
  /** 0 to 1 across the whole open. */
  fraction: number;
  canCancel: boolean;
}

/**
 * Shares of the whole open, from the large benchmark study (200 transcripts, 50,000
 * codings) in Chromium: reading about 40%, saving about 60%; within reading, each step's
 * share of its time. Only the bar's pace depends on them.
 */
const READ_SHARE = 0.4;
const STEP_SHARE: Record<ReadStep, number> = { unzip: 0.12, parse: 0.35, sources: 0.15, codings: 0.26, notes: 0.01, extras: 0.05, check: 0.06 };
const STEP_ORDER: ReadStep[] = ['unzip', 'parse', 'sources', 'codings', 'notes', 'extras', 'check'];

const count = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** The words for a reading step. */
export function readStepWords(p: ReadProgress, fileName: string): string {
  switch (p.step) {
    case 'unzip':
      return `Unpacking ${fileName}`;
    case 'parse':
      return 'Reading the project file';
    case 'sources':
      return p.total > 1 ? `Reading transcript ${count(Math.min(p.done + 1, p.total))} of ${count(p.total)}` : 'Reading the transcripts';
    case 'codings':
      return p.total > 0 ? `Placing ${plural(p.total, 'coded passage', 'coded passages')}` : 'Placing the codings';
    case 'notes':
      return 'Reading memos and themes';
    case 'extras':
      return 'Restoring what only Lantern keeps';
    case 'check':
      return 'Checking the project';
  }
}

/** How far through the whole open a reading step is. */
export function readFraction(p: ReadProgress): number {
  let before = 0;
  for (const step of STEP_ORDER) {
    if (step === p.step) break;
    before += STEP_SHARE[step];
  }
  const within = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return READ_SHARE * Math.min(1, before + STEP_SHARE[p.step] * within);
}

export function saveStepWords(p: CreateProgress): string {
  return `Saving to this computer: ${count(p.done)} of ${plural(p.total, 'row', 'rows')}`;
}

export function saveFraction(p: CreateProgress): number {
  return READ_SHARE + (1 - READ_SHARE) * (p.total > 0 ? Math.min(1, p.done / p.total) : 0);
}

const opening = createState<OpeningState | null>(null);
let controller: AbortController | null = null;

const set = (next: OpeningState | null) => opening.set(next);

export const getOpening = opening.get;
export const subscribeOpening = opening.subscribe;
/** For OpeningDialog: useValue(openingState). */
export const openingState = opening;

export interface OpeningHandle {
  /** Aborted when the user cancels while reading. */
  readonly signal: AbortSignal;
  reading(progress: ReadProgress): void;
  /** From now on Cancel is off: the project is being stored. */
  saving(progress?: CreateProgress): void;
  /** The open finished, failed or was cancelled: the dialog closes. */
  end(): void;
}

/** Shows the dialog for a file; null while another file is being opened. */
export function beginOpening(fileName: string): OpeningHandle | null {
  if (opening.get()) return null;
  const own = new AbortController();
  controller = own;
  set({ fileName, phase: 'reading', step: `Opening ${fileName}`, fraction: 0, canCancel: true });
  const mine = () => controller === own && opening.get() !== null;
  return {
    signal: own.signal,
    reading(progress) {
      const state = opening.get();
      if (!mine() || state!.phase !== 'reading' || own.signal.aborted) return;
      set({ ...state!, step: readStepWords(progress, fileName), fraction: Math.max(state!.fraction, readFraction(progress)) });
    },
    saving(progress = { done: 0, total: 0 }) {
      if (!mine()) return;
      const state = opening.get();
      const step = progress.total > 0 ? saveStepWords(progress) : 'Saving to this computer';
      set({ ...state!, phase: 'saving', step, fraction: Math.max(state!.fraction, saveFraction(progress)), canCancel: false });
    },
    end() {
      if (controller !== own) return;
      controller = null;
      set(null);
    },
  };
}

/** Cancel from the dialog: works while reading, does nothing while saving. */
export function cancelOpening(): void {
  if (!opening.get()?.canCancel || !controller) return;
  controller.abort();
}

export const isOpening = (): boolean => opening.get() !== null;

/** What Cancel does while reading. */
export const READING_CAN_CANCEL = 'Cancel stops reading; the project open now stays as it is.';

/** Why Cancel is off while saving, for its tooltip. */
export const SAVING_CANNOT_CANCEL =
  'Saving cannot be stopped half-way: the project is stored whole or not at all. It takes a few seconds more.';
