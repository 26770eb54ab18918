/** Stage: Users become coders. */
import type { ReadContext } from './context';
import { items, tidy } from './context';

export function readUsers(ctx: ReadContext): void {
  const { coders } = ctx.rows;
  for (const u of items(ctx.root, 'Users', 'User')) {
    // A second declaration of a user is the same user: nothing to keep of it.
    if (ctx.ids.lookup('User', u.attrs.guid)) {
      ctx.used.set(u, '');
      continue;
    }
    const id = ctx.ids.assign('User', u.attrs.guid);
    coders.push({ id, name: tidy(ctx, u.attrs.name) || tidy(ctx, u.attrs.id) || `User ${coders.length + 1}` });
    ctx.used.set(u, id);
  }
}
