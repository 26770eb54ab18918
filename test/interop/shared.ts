/**
 * Where the third-party interoperability corpus lives (REFI-QDA samples and schemas, the
 * transcript corpus, the agreement reference vectors). It is not part of this repository:
 * only `*.interop.test.ts` files may read it, and they find it here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** $LANTERN_SHARED, else ../shared beside the repository. */
export const SHARED = path.resolve(repoRoot, process.env.LANTERN_SHARED ?? '../shared');

/** The folders the interop suite reads; the setup checks each before any test runs. */
export const SHARED_PARTS = ['refi-qda/samples', 'refi-qda/schema', 'corpus', 'icr'] as const;

export const sharedPath = (...parts: string[]): string => path.join(SHARED, ...parts);

/** Why the corpus cannot be used, or null when every part is there. */
export function missingShared(): string | null {
  const missing = SHARED_PARTS.filter((part) => !existsSync(sharedPath(part)));
  if (missing.length === 0) return null;
  return (
    `The interoperability corpus was not found: ${SHARED} lacks ${missing.join(', ')}. ` +
    'Set LANTERN_SHARED to the folder holding refi-qda/, corpus/ and icr/ ' +
    '(by default it is ../shared beside the repository). `npm test` does not need it.'
  );
}
