/** Codes: the codebook merge (codebook.ts) decides; this adds and updates its rows, re-pointed. */
import { mergeCodebooks } from '../codebook';
import { sameRow } from '../same';
import type { MergeState } from './state';

export function mergeCodes(m: MergeState): void {
  const { base, incoming, options, ctx } = m;
  const { coders, sources } = m.mapping;
  const book = mergeCodebooks(
    [
      { label: base.meta.name, codes: base.codes },
      { label: m.label, codes: incoming.codes },
    ],
    options.codeResolutions ?? {},
    { newId: () => m.freshId(ctx.newId()) },
  );
  Object.assign(m.mapping.codes, book.mapping[1]!);
  m.codes = book.codes;
  m.codebookReport = book.report;
  const baseCodes = new Map(base.codes.map((c) => [c.id, c]));
  for (const code of book.codes) {
    const before = baseCodes.get(code.id);
    const after = { ...code };
    if (!before) {
      if (after.firstSourceId) {
        const mapped = sources[after.firstSourceId];
        if (mapped) after.firstSourceId = mapped;
        else delete after.firstSourceId;
      }
      if (after.createdBy) {
        const mapped = coders[after.createdBy];
        if (mapped) after.createdBy = mapped;
        else delete after.createdBy;
      }
      m.claim(after.id);
      m.add('codes', after);
    } else if (!sameRow(before, after)) {
      if (after.firstSourceId && !before.firstSourceId) {
        const mapped = sources[after.firstSourceId];
        if (mapped) after.firstSourceId = mapped;
        else delete after.firstSourceId;
      }
      m.update('codes', before, after);
    }
  }
}
