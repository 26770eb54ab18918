/**
 * A memo in a Slate rich-text editor: bold, italic, bulleted and numbered lists, and
 * links to codes and sources. Saved as the user types (debounced) through updateMemo, and
 * at once when the app switches project, saves or closes (a pending-work flusher);
 * the editor keeps its own undo while focused (data-own-undo), and reloads if the memo
 * changes underneath it (e.g. the app's undo).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createEditor, Editor, Element as SlateElement, Range, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, useSlate, withReact, type RenderElementProps, type RenderLeafProps } from 'slate-react';
import type { Memo, MemoLinkTarget, RichBlock } from '../../../../shared/model';
import { updateMemo } from '../../../../shared/ops';
import { useServices } from '../../app/services';
import { attempt } from '../../app/toast';
import '../../slate-types';
import type { MemoLinkElement } from '../../slate-types';
import { useProject, useProjectStore } from '../../store';

const SAVE_DELAY_MS = 500;
const EMPTY: RichBlock[] = [{ type: 'paragraph', children: [{ text: '' }] }];

export function MemoEditor({ memo, compact, label }: { memo: Memo; compact?: boolean; label: string }) {
  const store = useProjectStore();
  // What we last wrote: a stored body that differs came from elsewhere (undo), so remount.
  const [lastSaved, setLastSaved] = useState<RichBlock[]>(memo.body);
  const [generation, setGeneration] = useState(0);
  const [seenBody, setSeenBody] = useState(memo.body);
  if (seenBody !== memo.body) {
    setSeenBody(memo.body);
    if (JSON.stringify(memo.body) !== JSON.stringify(lastSaved)) {
      setLastSaved(memo.body);
      setGeneration((g) => g + 1);
    }
  }
  const save = useCallback(
    (body: RichBlock[]) => {
      setLastSaved(body);
      attempt(() => store.run((p, ctx) => updateMemo(p, ctx, memo.id, { body })));
    },
    [store, memo.id],
  );
  return <MemoEditorInner key={`${memo.id}:${generation}`} memo={memo} compact={compact} label={label} onSave={save} />;
}

function MemoEditorInner({ memo, compact, label, onSave }: { memo: Memo; compact?: boolean; label: string; onSave: (body: RichBlock[]) => void }) {
  const editor = useMemo(() => {
    const e = withHistory(withReact(createEditor()));
    const { isInline } = e;
    e.isInline = (el) => el.type === 'link' || isInline(el);
    return e;
  }, []);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<RichBlock[] | null>(null);
  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current) onSave(pending.current);
    pending.current = null;
  }, [onSave]);
  useEffect(() => () => flush(), [flush]);
  // Switching project, saving or closing the window hands over what the debounce holds back.
  const { pendingWork } = useServices();
  useEffect(() => pendingWork.register({ pending: () => pending.current !== null, flush }), [pendingWork, flush]);

  const initial = (memo.body.length ? memo.body : EMPTY) as Descendant[];
  return (
    <div className={`panel memo-editor ${compact ? 'compact' : ''}`} data-own-undo>
      <Slate
        editor={editor}
        initialValue={initial}
        onValueChange={(value) => {
          pending.current = value as RichBlock[];
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(flush, SAVE_DELAY_MS);
        }}
      >
        <Toolbar />
        <Editable
          className="rich-editor"
          style={compact ? { minHeight: 80 } : undefined}
          aria-label={label}
          placeholder="Write a memo…"
          renderElement={renderElement}
          renderLeaf={renderLeaf}
          onBlur={flush}
          onKeyDown={(e) => {
            const mod = e.ctrlKey || e.metaKey;
            if (mod && e.key.toLowerCase() === 'b') {
              e.preventDefault();
              toggleMark(editor, 'bold');
            } else if (mod && e.key.toLowerCase() === 'i') {
              e.preventDefault();
              toggleMark(editor, 'italic');
            } else if (mod && e.key.toLowerCase() === 'z') {
              // Undo inside the memo is the editor's own; keep it from the project's undo.
              e.stopPropagation();
            }
          }}
        />
      </Slate>
    </div>
  );
}

function toggleMark(editor: Editor, mark: 'bold' | 'italic') {
  const marks = Editor.marks(editor);
  if (marks?.[mark]) Editor.removeMark(editor, mark);
  else Editor.addMark(editor, mark, true);
}

function isListActive(editor: Editor, type: 'bulleted-list' | 'numbered-list'): boolean {
  const [match] = Editor.nodes(editor, { match: (n) => SlateElement.isElement(n) && n.type === type });
  return !!match;
}

function toggleList(editor: Editor, type: 'bulleted-list' | 'numbered-list') {
  const active = isListActive(editor, type);
  Transforms.unwrapNodes(editor, {
    match: (n) => SlateElement.isElement(n) && (n.type === 'bulleted-list' || n.type === 'numbered-list'),
    split: true,
  });
  Transforms.setNodes(editor, { type: active ? 'paragraph' : 'list-item' }, { match: (n) => SlateElement.isElement(n) && (n.type === 'paragraph' || n.type === 'list-item') });
  if (!active) Transforms.wrapNodes(editor, { type, children: [] });
}

function insertLink(editor: Editor, target: MemoLinkTarget, name: string) {
  const link: MemoLinkElement = { type: 'link', target, children: [{ text: name }] };
  if (editor.selection && !Range.isCollapsed(editor.selection)) {
    Transforms.wrapNodes(editor, link, { split: true });
    Transforms.collapse(editor, { edge: 'end' });
  } else {
    Transforms.insertNodes(editor, link);
    Transforms.move(editor);
  }
}

function Toolbar() {
  const editor = useSlate();
  const codes = useProject((p) => p.codes);
  const sources = useProject((p) => p.sources);
  const marks = Editor.marks(editor);
  return (
    <div className="rich-toolbar" role="toolbar" aria-label="Formatting">
      <button type="button" aria-pressed={!!marks?.bold} aria-label="Bold (Ctrl+B)" onMouseDown={(e) => (e.preventDefault(), toggleMark(editor, 'bold'))}>
        <strong>B</strong>
      </button>
      <button type="button" aria-pressed={!!marks?.italic} aria-label="Italic (Ctrl+I)" onMouseDown={(e) => (e.preventDefault(), toggleMark(editor, 'italic'))}>
        <em>I</em>
      </button>
      <button type="button" aria-pressed={isListActive(editor, 'bulleted-list')} aria-label="Bulleted list" onMouseDown={(e) => (e.preventDefault(), toggleList(editor, 'bulleted-list'))}>
        • List
      </button>
      <button type="button" aria-pressed={isListActive(editor, 'numbered-list')} aria-label="Numbered list" onMouseDown={(e) => (e.preventDefault(), toggleList(editor, 'numbered-list'))}>
        1. List
      </button>
      <select
        aria-label="Insert a link to a code or document"
        value=""
        onChange={(e) => {
          const [kind, id] = e.target.value.split(':') as ['code' | 'source', string];
          const name = kind === 'code' ? codes.find((c) => c.id === id)?.name : sources.find((s) => s.id === id)?.name;
          if (name) insertLink(editor, { kind, id }, name);
        }}
      >
        <option value="">Link to…</option>
        {/* Shape only like MemosView's target list: links go to codes first and never to the project. */}
        <optgroup label="Codes">
          {codes.map((c) => (
            <option key={c.id} value={`code:${c.id}`}>
              {c.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="Documents">
          {sources.map((s) => (
            <option key={s.id} value={`source:${s.id}`}>
              {s.name}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}

/** A link in a memo to a document or a code: Ctrl/Cmd/Alt+click follows it. */
function MemoLink({ attributes, children, target }: Pick<RenderElementProps, 'attributes' | 'children'> & { target: MemoLinkTarget }) {
  const { ui } = useServices();
  const follow = () => (target.kind === 'source' ? ui.openSource(target.id) : ui.set({ view: 'codebook', selectedCodeId: target.id }));
  return (
    <a
      {...attributes}
      href="#"
      className="memo-link"
      onClick={(e) => {
        e.preventDefault();
        if (e.ctrlKey || e.metaKey || e.altKey) follow();
      }}
      title={`Ctrl+click to open this ${target.kind === 'source' ? 'document' : 'code'}`}
    >
      {children}
    </a>
  );
}

function renderElement({ attributes, children, element }: RenderElementProps) {
  switch (element.type) {
    case 'bulleted-list':
      return <ul {...attributes}>{children}</ul>;
    case 'numbered-list':
      return <ol {...attributes}>{children}</ol>;
    case 'list-item':
      return <li {...attributes}>{children}</li>;
    case 'link':
      return (
        <MemoLink attributes={attributes} target={element.target}>
          {children}
        </MemoLink>
      );
    default:
      return <p {...attributes}>{children}</p>;
  }
}

function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
  let out = children;
  if (leaf.bold) out = <strong>{out}</strong>;
  if (leaf.italic) out = <em>{out}</em>;
  return <span {...attributes}>{out}</span>;
}
