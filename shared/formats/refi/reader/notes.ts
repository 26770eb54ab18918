/**
 * Stage: Notes become memos, attached where the file points at them (a NoteRef, or a
 * Link from the note); comments on selections become memos on their codings.
 */
import type { Memo, MemoTarget } from '../../../model/schema';
import { plainTextToRich } from '../../../model/richtext';
import { child } from '../xml';
import type { ReadContext } from './context';
import { IdMap, items, parseDate, pointNotes, tidy } from './context';
import type { SelectionNote } from './selections';
import { decodeFile, findFile } from './sources';

export function readNotes(ctx: ReadContext, selectionNotes: readonly SelectionNote[]): void {
  ctx.progress({ step: 'notes', done: 0, total: 1 });
  const { rows, ids } = ctx;
  const links = items(ctx.root, 'Links', 'Link');
  const sourceIds = new Set(rows.sources.map((s) => s.id));
  const codeIds = new Set(rows.codes.map((c) => c.id));
  pointNotes(ctx, ctx.root, { kind: 'project' });
  const container = child(ctx.root, 'Notes');
  if (container) ctx.used.set(container, '');
  for (const n of items(ctx.root, 'Notes', 'Note')) {
    const key = IdMap.key(n.attrs.guid);
    const id = ids.assign('Note', n.attrs.guid);
    ctx.used.set(n, id);
    const content = child(n, 'PlainTextContent');
    let text = content?.text;
    if (content) ctx.used.set(content, '');
    else {
      const file = findFile(ctx, n.attrs.plainTextPath);
      if (file) text = decodeFile(ctx, file.bytes, `note ${n.attrs.name ?? id}`);
    }
    text = (text ?? '').replace(/\r\n?/g, '\n').normalize('NFC');
    let target = ctx.noteTargets.get(key);
    if (!target) {
      // Links stay in the file as they are (preserve.ts); here they only say where a note belongs.
      const link = links.find((l) => IdMap.key(l.attrs.originGUID) === key || IdMap.key(l.attrs.targetGUID) === key);
      const other = link ? (IdMap.key(link.attrs.originGUID) === key ? link.attrs.targetGUID : link.attrs.originGUID) : undefined;
      const asCoding = ctx.codingOfSelection.get(IdMap.key(other));
      const asSource = ids.lookup('Source', other);
      const asCode = ids.lookup('Code', other);
      if (asCoding) target = { kind: 'coding', id: asCoding };
      else if (asSource && sourceIds.has(asSource)) target = { kind: 'source', id: asSource };
      else if (asCode && codeIds.has(asCode)) target = { kind: 'code', id: asCode };
    }
    const title = tidy(ctx, n.attrs.name) || text.split('\n').find((l) => l.trim())?.trim().slice(0, 60) || 'Note';
    const createdAt = parseDate(n.attrs.creationDateTime) ?? ctx.projectCreated;
    const memo: Memo = {
      id,
      title,
      target: target ?? ({ kind: 'project' } as MemoTarget),
      body: plainTextToRich(text),
      createdAt,
      modifiedAt: parseDate(n.attrs.modifiedDateTime) ?? createdAt,
    };
    const author = ids.lookup('User', n.attrs.creatingUser);
    if (author) memo.authorId = author;
    rows.memos.push(memo);
  }
  for (const note of selectionNotes) {
    rows.memos.push({
      id: ctx.newId(),
      title: note.text.split('\n')[0]!.slice(0, 60),
      target: note.target,
      body: plainTextToRich(note.text),
      createdAt: note.createdAt,
      modifiedAt: note.createdAt,
    });
  }
}
