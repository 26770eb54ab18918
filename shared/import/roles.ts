/** Guessing who asks the questions, shown to the user to confirm before import. */
import type { SpeakerRole } from '../model/schema';
import { guessRole } from '../text/compose';

/** Beyond compose's list: clinical and broadcast interview roles that also lead the talk. */
const MORE_INTERVIEWERS = /^(interviewer|therapist|counsel+or|clinician|host|question|asker|mod)\b/i;

export function guessSpeakerRole(name: string): SpeakerRole {
  return guessRole(name) === 'interviewer' || MORE_INTERVIEWERS.test(name.trim()) ? 'interviewer' : 'respondent';
}
