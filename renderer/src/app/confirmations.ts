/**
 * Questions the app asks before doing something that cannot be taken back, answered in the
 * app's own dialog (ConfirmDialog) instead of window.confirm: that blocks the page, cannot
 * name its buttons after what they do, and looks like a browser warning. One question at a
 * time; a second waits for the first.
 */
import { createState, type State } from '../lib/state';

export interface Choice<T extends string> {
  id: T;
  label: string;
  /** The suggested answer: styled as the main button and focused first. */
  primary?: boolean;
  /** An answer that removes or replaces work: styled as a warning. */
  danger?: boolean;
}

export interface Question<T extends string = string> {
  title: string;
  message: string;
  choices: Choice<T>[];
  /** The answer Escape, clicking outside or closing gives. */
  dismiss: T;
}

export interface Asking {
  question: Question;
  answer(id: string): void;
}

export interface Confirmations {
  /** The question on screen, if any (ConfirmDialog renders it). */
  readonly current: State<Asking | null>;
  ask<T extends string>(question: Question<T>): Promise<T>;
  /** A yes/no question: true when the user chose `confirmLabel`. */
  confirm(question: { title: string; message: string; confirmLabel: string; cancelLabel?: string; danger?: boolean }): Promise<boolean>;
}

export function createConfirmations(): Confirmations {
  const current = createState<Asking | null>(null);
  const waiting: Asking[] = [];
  const next = () => current.set(waiting.shift() ?? null);

  const ask = <T extends string>(question: Question<T>): Promise<T> =>
    new Promise<T>((resolve) => {
      const asking: Asking = {
        question: question as Question,
        answer(id) {
          if (current.get() !== asking) return;
          const known = question.choices.some((c) => c.id === id) ? (id as T) : question.dismiss;
          next();
          resolve(known);
        },
      };
      if (current.get()) waiting.push(asking);
      else current.set(asking);
    });

  return {
    current,
    ask,
    async confirm({ title, message, confirmLabel, cancelLabel = 'Cancel', danger }) {
      const answer = await ask({
        title,
        message,
        choices: [
          { id: 'cancel', label: cancelLabel },
          { id: 'confirm', label: confirmLabel, primary: !danger, danger: !!danger },
        ],
        dismiss: 'cancel',
      });
      return answer === 'confirm';
    },
  };
}
