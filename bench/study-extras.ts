/** The synthetic study's themes, memos, attributes and cases. */
import type { Attribute, Case, Code, Guid, Memo, MemoTarget, Project, RichBlock, Theme } from '../shared/model';
import { nextColor } from '../shared/model';
import type { Rng } from './prng';
import { PARTNER_ROLES, SITES, THEMES, memoText } from './words';
import type { Codebook } from './study-codebook';
import { stamp } from './study-text';
import type { CaseRow } from './study';

export function buildThemes(rng: Rng, newId: () => Guid, book: Codebook, count: number): Theme[] {
  const themes: Theme[] = [];
  const topLevel = Math.max(1, count - Math.floor(count / 6));
  for (let i = 0; i < count; i++) {
    const codeIds = rng.shuffle([...book.shared]).slice(0, rng.int(6, 18)).map((c) => c.id);
    const parent = i >= topLevel ? themes[i - topLevel] : undefined;
    themes.push({
      id: newId(),
      name: THEMES[i % THEMES.length]! + (i >= THEMES.length ? ` ${Math.floor(i / THEMES.length) + 1}` : ''),
      definition: memoText(rng, i % 2 === 0, 2),
      codeIds,
      parentId: parent ? parent.id : null,
      order: parent ? 0 : i,
      color: nextColor(i),
    });
  }
  return themes;
}

export function memoBody(rng: Rng, codes: Code[]): RichBlock[] {
  const blocks: RichBlock[] = [];
  const paragraphs = rng.int(1, 4);
  for (let p = 0; p < paragraphs; p++) {
    if (rng.chance(0.2)) {
      blocks.push({
        type: 'bulleted-list',
        children: Array.from({ length: rng.int(2, 4) }, () => ({ type: 'list-item' as const, children: [{ text: memoText(rng, true, 1) }] })),
      });
    } else if (rng.chance(0.25) && codes.length > 0) {
      const code = rng.pick(codes);
      blocks.push({
        type: 'paragraph',
        children: [
          { text: memoText(rng, false, 1) + ' See ' },
          { type: 'link', target: { kind: 'code', id: code.id }, children: [{ text: code.name }] },
          { text: '.', bold: rng.chance(0.3) },
        ],
      });
    } else {
      blocks.push({ type: 'paragraph', children: [{ text: memoText(rng, rng.chance(0.5), rng.int(1, 5)), italic: rng.chance(0.1) }] });
    }
  }
  return blocks;
}

export function buildMemos(
  rng: Rng, newId: () => Guid, count: number, project: Project, authors: Guid[],
): Memo[] {
  const memos: Memo[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    let target: MemoTarget;
    if (i === 0) target = { kind: 'project' };
    else if (roll < 0.3) target = { kind: 'source', id: rng.pick(project.sources).id };
    else if (roll < 0.7) target = { kind: 'code', id: rng.pick(project.codes).id };
    else if (roll < 0.75 && project.themes.length > 0) target = { kind: 'theme', id: rng.pick(project.themes).id };
    else if (roll < 0.95) target = { kind: 'coding', id: rng.pick(project.codings).id };
    else target = { kind: 'case', id: rng.pick(project.cases).id };
    memos.push({
      id: newId(),
      title: i === 0 ? 'Analytic plan' : `Memo ${i}: ${memoText(rng, true, 1).split(' ').slice(0, 5).join(' ')}`,
      target,
      body: memoBody(rng, project.codes),
      authorId: rng.pick(authors),
      createdAt: stamp(20_000 + i),
      modifiedAt: stamp(20_000 + i + rng.int(0, 500)),
    });
  }
  return memos;
}

export function buildAttributes(newId: () => Guid): Attribute[] {
  return [
    { id: newId(), name: 'participant type', type: 'text', values: ['partner', 'participant'] },
    { id: newId(), name: 'site', type: 'text', values: [...SITES] },
    { id: newId(), name: 'role', type: 'text', values: [...PARTNER_ROLES, 'participant'] },
    { id: newId(), name: 'years involved', type: 'integer' },
  ];
}

export function casesFor(rows: CaseRow[], attributes: Attribute[], newId: () => Guid): Case[] {
  const [type, site, role, years] = attributes as [Attribute, Attribute, Attribute, Attribute];
  return rows.map((r) => ({
    id: newId(),
    name: r.case,
    values: { [type.id]: r.participantType, [site.id]: r.site, [role.id]: r.role, [years.id]: String(r.yearsInvolved) },
  }));
}
