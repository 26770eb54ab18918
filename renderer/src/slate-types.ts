/**
 * Slate's custom types for both editors in the app: the read-only transcript (one
 * block per paragraph, decorated with codings) and the rich-text memo editor (the
 * RichBlock shape from shared/model, so memo bodies are stored as Slate edits them).
 */
import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { MemoLinkTarget } from '../../shared/model';

export type TranscriptBlockElement = { type: 'tblock'; index: number; children: PlainText[] };
export type PlainText = { text: string; bold?: boolean; italic?: boolean };
export type MemoLinkElement = { type: 'link'; target: MemoLinkTarget; children: PlainText[] };
export type MemoParagraph = { type: 'paragraph' | 'list-item'; children: (PlainText | MemoLinkElement)[] };
export type MemoList = { type: 'bulleted-list' | 'numbered-list'; children: (MemoParagraph | MemoList)[] };

declare module 'slate' {
  interface CustomTypes {
    Editor: BaseEditor & ReactEditor & HistoryEditor;
    Element: TranscriptBlockElement | MemoLinkElement | MemoParagraph | MemoList;
    Text: PlainText & {
      /** Decoration marks on transcript leaves: coding ids, their colours, and whether one is selected. */
      codingIds?: string;
      colors?: string;
      active?: boolean;
      /** Bumped on a transcript block whose codings changed, so Slate re-decorates just that block. */
      rev?: number;
    };
  }
}
