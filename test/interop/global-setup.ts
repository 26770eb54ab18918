/** Stops the interop suite with one clear message, before any test, when the corpus is missing. */
import { missingShared } from './shared';

export default function setup(): void {
  const problem = missingShared();
  if (problem) throw new Error(problem);
}
