/** Shared by the import tests: reading the reference corpus and a deterministic operation context. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedPath } from '../../interop/shared';
import type { OpContext } from '../../../shared/model/context';
import { seededGuids } from '../../../shared/model/ids';
import { emptyProject } from '../../../shared/model/project';
import type { Project, Source } from '../../../shared/model/schema';

/** The transcript corpus beside the repository: for `*.interop.test.ts` only. */
export const CORPUS = sharedPath('corpus');

export function corpusFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(CORPUS, name)));
}

export function testContext(seed = 7): OpContext {
  const newId = seededGuids(seed);
  return { newId, now: () => '2026-11-27T10:00:00Z', coderId: newId() };
}

export function freshProject(ctx: OpContext): Project {
  return emptyProject({ id: ctx.newId(), name: 'Import test', now: ctx.now() });
}

export const utf8 = (s: string) => new TextEncoder().encode(s);

/** What a reader sees of each turn: its speaker and words. */
export function turnTexts(source: Pick<Source, 'text' | 'turns'>): { speaker: string; text: string }[] {
  return source.turns.map((t) => ({ speaker: t.speaker, text: source.text.slice(t.start, t.end) }));
}

export function paragraphTexts(source: Pick<Source, 'text' | 'paragraphs'>): string[] {
  return source.paragraphs.map((p) => source.text.slice(p.start, p.end));
}

/** Timestamps, cue arrows and tags a reader should never see in imported text. */
export const STRAY_MARKUP = /-->|<\/?[a-z][^>]*>|\b\d{1,2}:\d{2}:\d{2}[.,]\d{3}\b|^WEBVTT|\uFEFF|&amp;|&lt;|<w:|<text:/im;
