/**
 * First stage: the Project element itself (namespace, origin) and our own
 * lantern/project.json, which decides how much of the rest to trust.
 */
import { contentHash } from '../../../text/hash';
import { LANTERN_ENTRY, parseExtras } from '../extras';
import type { ReadContext } from './context';

export function readHeader(ctx: ReadContext, xml: string): void {
  const { root, warn } = ctx;
  ctx.used.set(root, 'project');
  if (ctx.origin) ctx.report.origin = ctx.origin;
  if (root.xmlns !== undefined && !/^urn:QDA-XML:project:/i.test(root.xmlns))
    warn(`unexpected namespace "${root.xmlns}"; read the file by element names`);
  if (root.xmlns !== undefined && root.xmlns !== 'urn:QDA-XML:project:1.0' && /^urn:QDA-XML:project:/i.test(root.xmlns))
    warn(`namespace "${root.xmlns}" is a variant of urn:QDA-XML:project:1.0; accepted`);
  const extrasBytes = ctx.files?.get(LANTERN_ENTRY);
  if (extrasBytes) {
    const parsed = parseExtras(new TextDecoder().decode(extrasBytes));
    if ('problem' in parsed) warn(`${parsed.problem}; read the file as any other REFI-QDA project`);
    else ctx.extras = parsed.extras;
  }
  ctx.qdeUnchanged = ctx.extras !== null && ctx.extras.qdeHash === contentHash(xml);
  if (ctx.extras && !ctx.qdeUnchanged)
    warn('project.qde was changed by another tool since Lantern QDA saved it; restored Lantern-only details where the items still exist');
}
