/**
 * Bringing another coder's project into this one as one change set (one undo step).
 * Sources are matched by their text, whatever their file names; codes through the
 * codebook merge; coders by GUID, then name, or as the user maps them. Every incoming
 * row is either placed, recognised as already present, or listed with the reason it
 * could not be placed: nothing disappears without a line in the report.
 */
import type { Change, ChangeSet } from '../model/changes';
import { put } from '../model/changes';
import type { OpContext } from '../model/context';
import type {
  Attribute,
  Case,
  Coder,
  Coding,
  DocumentSet,
  Guid,
  Memo,
  MemoTarget,
  Project,
  RichBlock,
  RichInline,
  Source,
  TableName,
  Theme,
} from '../model/schema';
import type { CodebookMergeReport, Resolutions } from './codebook';
import { codebookReportText, mergeCodebooks } from './codebook';
import { memoContentKey, memoWords, sameMemo, sameRow, sameValue } from './same';
import { normalizeName } from './similarity';

export interface ProjectMergeOptions {
  /** Incoming coder id -> a base coder id, or 'new' to keep them apart. */
  coderMap?: Readonly<Record<Guid, Guid | 'new'>>;
  /** Conflict resolutions for the codebook (keys from resolutionKey(1, codeId)). */
  codeResolutions?: Resolutions;
  /** For the report and the undo label: the incoming file or coder. */
  incomingLabel?: string;
}

export interface ProjectMergeMapping {
  coders: Record<Guid, Guid>;
  sources: Record<Guid, Guid>;
  codes: Record<Guid, Guid>;
  codings: Record<Guid, Guid>;
  memos: Record<Guid, Guid>;
  attributes: Record<Guid, Guid>;
  cases: Record<Guid, Guid>;
  themes: Record<Guid, Guid>;
  documentSets: Record<Guid, Guid>;
}

export interface NotPlaced {
  table: TableName;
  id: string;
  what: string;
  reason: string;
}

export interface ProjectMergeReport {
  base: string;
  incoming: string;
  /** Rows added per table. */
  added: Partial<Record<TableName, number>>;
  /** Rows of this project changed by the merge (a decision taken, codes or sources added to a theme or case). */
  updated: Partial<Record<TableName, number>>;
  /** Rows recognised as already present (same text, same coding, same memo). */
  alreadyPresent: Partial<Record<TableName, number>>;
  coders: { incoming: string; mergedAs: string; how: 'id' | 'name' | 'user' | 'new' }[];
  sources: { incoming: string; mergedAs: string; how: 'same text' | 'new' }[];
  /** Values that differed and were kept as the base has them. */
  conflicts: { table: TableName; what: string; kept: string; incoming: string }[];
  notPlaced: NotPlaced[];
  codebook: CodebookMergeReport;
}

export interface ProjectMergeResult {
  set: ChangeSet;
  mapping: ProjectMergeMapping;
  report: ProjectMergeReport;
}

/**
 * The key texts are matched by. Stored texts are normalised once at import (NFC, \n line
 * ends), so only trailing white space (which no coding needs) is dropped here.
 */
function textKey(text: string): string {
  return text.trimEnd();
}

export function mergeProject(base: Project, incoming: Project, ctx: OpContext, options: ProjectMergeOptions = {}): ProjectMergeResult {
  const label = options.incomingLabel ?? incoming.meta.name;
  const changes: Change[] = [];
  const added: Partial<Record<TableName, number>> = {};
  const present: Partial<Record<TableName, number>> = {};
  const count = (into: Partial<Record<TableName, number>>, table: TableName) => (into[table] = (into[table] ?? 0) + 1);
  const notPlaced: NotPlaced[] = [];
  const conflicts: ProjectMergeReport['conflicts'] = [];
  const taken = new Set<string>(Object.values(base).flatMap((rows) => (Array.isArray(rows) ? rows.map((r: { id: string }) => r.id) : [])));
  /** Keep the incoming id when it is free (so merging twice recognises rows); otherwise mint one. */
  const freshId = (id: Guid): Guid => {
    const out = taken.has(id) ? ctx.newId() : id;
    taken.add(out);
    return out;
  };
  const add = <T extends TableName>(table: T, row: Parameters<typeof put<T>>[2]) => {
    changes.push(put(table, null, row) as Change);
    count(added, table);
  };
  const updated: Partial<Record<TableName, number>> = {};
  const update = <T extends TableName>(table: T, before: Parameters<typeof put<T>>[1], row: Parameters<typeof put<T>>[2]) => {
    changes.push(put(table, before, row) as Change);
    count(updated, table);
  };

  // Coders: GUID, then name, unless the user said otherwise.
  const coders: Record<Guid, Guid> = {};
  const coderLines: ProjectMergeReport['coders'] = [];
  const baseCoders = new Map(base.coders.map((c) => [c.id, c]));
  for (const coder of incoming.coders) {
    const wish = options.coderMap?.[coder.id];
    let target: Coder | undefined;
    let how: ProjectMergeReport['coders'][number]['how'];
    if (wish && wish !== 'new') {
      target = baseCoders.get(wish);
      if (!target) throw new RangeError(`the coder map sends '${coder.name}' to a coder that is not in the project`);
      how = 'user';
    } else if (!wish && baseCoders.has(coder.id)) {
      target = baseCoders.get(coder.id);
      how = 'id';
    } else if (!wish) {
      target = base.coders.find((c) => normalizeName(c.name) === normalizeName(coder.name) && !!c.isConsensus === !!coder.isConsensus);
      how = 'name';
    } else how = 'new';
    if (!target) {
      const row: Coder = { ...coder, id: freshId(coder.id) };
      if (base.coders.some((c) => c.name === coder.name)) row.name = `${coder.name} (${label})`;
      add('coders', row);
      target = row;
      how = 'new';
    }
    coders[coder.id] = target.id;
    coderLines.push({ incoming: coder.name, mergedAs: target.name, how });
  }

  // Sources: the same text is the same source, whatever it is called.
  const sources: Record<Guid, Guid> = {};
  const sourceLines: ProjectMergeReport['sources'] = [];
  // Keyed by the text itself: the engine hashes a long string by its length and compares on a match, far cheaper than hashing every character.
  const baseByText = new Map<string, Source>();
  for (const s of base.sources) {
    const key = textKey(s.text);
    if (!baseByText.has(key)) baseByText.set(key, s);
  }
  const sourceLength = new Map<Guid, number>(base.sources.map((s) => [s.id, s.text.length]));
  const newSources: Source[] = [];
  for (const source of incoming.sources) {
    const key = textKey(source.text);
    const same = baseByText.get(key);
    if (same) {
      sources[source.id] = same.id;
      count(present, 'sources');
      sourceLines.push({ incoming: source.name, mergedAs: same.name, how: 'same text' });
      continue;
    }
    const row: Source = { ...source, id: freshId(source.id) };
    delete row.caseId;
    delete row.importedBy;
    if (source.importedBy && coders[source.importedBy]) row.importedBy = coders[source.importedBy]!;
    newSources.push(row);
    sources[source.id] = row.id;
    sourceLength.set(row.id, row.text.length);
    sourceLines.push({ incoming: source.name, mergedAs: row.name, how: 'new' });
    // The same name or the same GUID with other text: both are kept, and the report says so.
    const namesake = base.sources.find((s) => s.name === source.name || s.id === source.id);
    if (namesake) {
      conflicts.push({ table: 'sources', what: `source '${source.name}'`, kept: `the text of '${namesake.name}'`, incoming: 'different text: added as a separate source' });
    }
  }

  // Codebook.
  const book = mergeCodebooks(
    [
      { label: base.meta.name, codes: base.codes },
      { label, codes: incoming.codes },
    ],
    options.codeResolutions ?? {},
    { newId: () => freshId(ctx.newId()) },
  );
  const codes = book.mapping[1]!;
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
      taken.add(after.id);
      add('codes', after);
    } else if (!sameRow(before, after)) {
      if (after.firstSourceId && !before.firstSourceId) {
        const mapped = sources[after.firstSourceId];
        if (mapped) after.firstSourceId = mapped;
        else delete after.firstSourceId;
      }
      update('codes', before, after);
    }
  }
  const codableIds = new Set(book.codes.filter((c) => c.codable).map((c) => c.id));

  // Attributes by name; cases by name, values merged, differences kept as the base has them.
  const attributes: Record<Guid, Guid> = {};
  for (const attr of incoming.attributes) {
    const same = sameGuidOrName(base.attributes, attr, 'attributes', 'attribute', conflicts);
    if (same) {
      attributes[attr.id] = same.id;
      count(present, 'attributes');
      if (same.type !== attr.type) conflicts.push({ table: 'attributes', what: `attribute '${attr.name}' type`, kept: same.type, incoming: attr.type });
      const values = [...(same.values ?? [])];
      for (const v of attr.values ?? []) if (!values.includes(v)) values.push(v);
      if (same.values && values.length !== same.values.length) update('attributes', same, { ...same, values });
      continue;
    }
    const row: Attribute = { ...attr, id: freshId(attr.id) };
    add('attributes', row);
    attributes[attr.id] = row.id;
  }
  const cases: Record<Guid, Guid> = {};
  for (const kase of incoming.cases) {
    const values: Record<string, string> = {};
    for (const [attrId, value] of Object.entries(kase.values)) {
      const mapped = attributes[attrId];
      if (mapped) values[mapped] = value;
      else notPlaced.push({ table: 'cases', id: kase.id, what: `value '${value}' of case '${kase.name}'`, reason: 'its attribute is not in the incoming project' });
    }
    const same = sameGuidOrName(base.cases, kase, 'cases', 'case', conflicts);
    if (same) {
      cases[kase.id] = same.id;
      count(present, 'cases');
      const next: Case = { ...same, values: { ...same.values } };
      for (const [attrId, value] of Object.entries(values)) {
        const old = same.values[attrId];
        if (old === undefined || old === '') next.values[attrId] = value;
        else if (old !== value) {
          const name = base.attributes.find((a) => a.id === attrId)?.name ?? attrId;
          conflicts.push({ table: 'cases', what: `case '${kase.name}', ${name}`, kept: old, incoming: value });
        }
      }
      if (!sameValue(next.values, same.values)) update('cases', same, next);
      continue;
    }
    const row: Case = { ...kase, id: freshId(kase.id), values };
    add('cases', row);
    cases[kase.id] = row.id;
  }

  // Sources go in once their cases exist; a matched source gains a case only if it had none.
  const incomingById = new Map(incoming.sources.map((s) => [s.id, s]));
  for (const row of newSources) {
    // A focus group's voices point at cases of the incoming project.
    row.speakers = row.speakers.map(({ caseId, ...speaker }) => (caseId && cases[caseId] ? { ...speaker, caseId: cases[caseId] } : speaker));
    add('sources', row);
  }
  for (const source of incoming.sources) {
    if (!source.caseId) continue;
    const caseId = cases[source.caseId];
    const mergedId = sources[source.id]!;
    if (!caseId) {
      notPlaced.push({ table: 'sources', id: source.id, what: `case of source '${source.name}'`, reason: 'the case is not in the incoming project' });
      continue;
    }
    const fresh = newSources.find((s) => s.id === mergedId);
    if (fresh) {
      fresh.caseId = caseId;
      continue;
    }
    const baseSource = base.sources.find((s) => s.id === mergedId)!;
    if (!baseSource.caseId) update('sources', baseSource, { ...baseSource, caseId });
    else if (baseSource.caseId !== caseId) {
      conflicts.push({
        table: 'sources',
        what: `case of '${baseSource.name}'`,
        kept: base.cases.find((c) => c.id === baseSource.caseId)?.name ?? baseSource.caseId,
        incoming: incoming.cases.find((c) => c.id === source.caseId)?.name ?? source.caseId,
      });
    }
  }

  // Codings, re-pointed; exact duplicates are recognised, impossible ones listed.
  const codings: Record<Guid, Guid> = {};
  const baseCodings = new Map(base.codings.map((c) => [c.id, c]));
  const existing = new Map<string, Guid>(base.codings.map((c) => [codingKey(c.sourceId, c.codeId, c.coderId, c.start, c.end), c.id]));
  for (const coding of incoming.codings) {
    const what = `coding ${coding.start}-${coding.end} in '${incomingById.get(coding.sourceId)?.name ?? coding.sourceId}'`;
    const sourceId = sources[coding.sourceId];
    const codeId = codes[coding.codeId];
    const coderId = coders[coding.coderId];
    const reason = !sourceId
      ? 'its source is not in the incoming project'
      : !codeId
        ? 'its code is not in the incoming project'
        : !coderId
          ? 'its coder is not in the incoming project'
          : coding.end > sourceLength.get(sourceId)! || coding.start >= coding.end
            ? `it lies outside the text (0-${sourceLength.get(sourceId)})`
            : !codableIds.has(codeId)
              ? 'its code is a category that only groups codes'
              : null;
    if (reason) {
      notPlaced.push({ table: 'codings', id: coding.id, what, reason });
      continue;
    }
    const key = codingKey(sourceId!, codeId!, coderId!, coding.start, coding.end);
    const twin = existing.get(key);
    if (twin) {
      codings[coding.id] = twin;
      count(present, 'codings');
      continue;
    }
    // The same coding (same GUID) changed on one side since the projects parted, e.g. its
    // boundaries adjusted: keep this project's version rather than stacking a second one.
    const sameId = baseCodings.get(coding.id);
    if (sameId && sameId.sourceId === sourceId && sameId.coderId === coderId) {
      codings[coding.id] = sameId.id;
      count(present, 'codings');
      const describe = (c: { start: number; end: number; codeId: string }) => `${c.start}-${c.end} (${book.codes.find((x) => x.id === c.codeId)?.name ?? c.codeId})`;
      conflicts.push({ table: 'codings', what: `${what} (the same coding, edited since)`, kept: describe(sameId), incoming: describe({ ...coding, codeId: codeId! }) });
      continue;
    }
    const row: Coding = { ...coding, id: freshId(coding.id), sourceId: sourceId!, codeId: codeId!, coderId: coderId! };
    existing.set(key, row.id);
    add('codings', row);
    codings[coding.id] = row.id;
  }

  // Themes by name: code lists united, a differing definition kept as the base has it.
  const themes: Record<Guid, Guid> = {};
  const themeRows: Theme[] = [];
  for (const theme of incoming.themes) {
    const codeIds = theme.codeIds.map((id) => codes[id]).filter((id): id is Guid => !!id);
    const lost = theme.codeIds.filter((id) => !codes[id]);
    if (lost.length > 0) {
      notPlaced.push({ table: 'themes', id: theme.id, what: `${lost.length} code reference(s) of theme '${theme.name}'`, reason: 'the codes are not in the incoming project' });
    }
    const same = sameGuidOrName(base.themes, theme, 'themes', 'theme', conflicts);
    if (same) {
      themes[theme.id] = same.id;
      count(present, 'themes');
      const union = [...same.codeIds, ...codeIds.filter((id) => !same.codeIds.includes(id))];
      const next: Theme = { ...same, codeIds: union };
      if (!same.definition.trim() && theme.definition.trim()) next.definition = theme.definition;
      else if (theme.definition.trim() && same.definition.trim() !== theme.definition.trim()) {
        conflicts.push({ table: 'themes', what: `definition of theme '${same.name}'`, kept: same.definition, incoming: theme.definition });
      }
      if (!sameRow(next, same)) update('themes', same, next);
      continue;
    }
    const row: Theme = { ...theme, id: freshId(theme.id), codeIds: [...new Set(codeIds)] };
    themes[theme.id] = row.id;
    themeRows.push(row);
  }
  for (const row of themeRows) {
    // Parents are known only once every theme is mapped.
    const source = incoming.themes.find((t) => themes[t.id] === row.id)!;
    row.parentId = source.parentId ? (themes[source.parentId] ?? null) : null;
    add('themes', row);
  }

  // Document sets by name, members united.
  const documentSets: Record<Guid, Guid> = {};
  for (const set of incoming.documentSets) {
    const sourceIds = set.sourceIds.map((id) => sources[id]).filter((id): id is Guid => !!id);
    const lost = set.sourceIds.length - sourceIds.length;
    if (lost > 0) {
      notPlaced.push({ table: 'documentSets', id: set.id, what: `${lost} member(s) of set '${set.name}'`, reason: 'the sources are not in the incoming project' });
    }
    const same = sameGuidOrName(base.documentSets, set, 'documentSets', 'set', conflicts);
    if (same) {
      documentSets[set.id] = same.id;
      count(present, 'documentSets');
      const union = [...same.sourceIds, ...sourceIds.filter((id) => !same.sourceIds.includes(id))];
      if (union.length !== same.sourceIds.length) update('documentSets', same, { ...same, sourceIds: union });
      continue;
    }
    const row: DocumentSet = { ...set, id: freshId(set.id), sourceIds: [...new Set(sourceIds)] };
    add('documentSets', row);
    documentSets[set.id] = row.id;
  }

  // Memos: re-targeted and attributed; links inside them follow the mapping too.
  const memos: Record<Guid, Guid> = {};
  const baseMemos = new Map(base.memos.map((m) => [m.id, m]));
  const baseMemoByContent = new Map(base.memos.map((m) => [memoContentKey(m), m]));
  const targetMaps: Record<Exclude<MemoTarget['kind'], 'project'>, Record<Guid, Guid>> = {
    source: sources,
    code: codes,
    theme: themes,
    coding: codings,
    case: cases,
  };
  for (const memo of incoming.memos) {
    let target: MemoTarget = memo.target;
    if (target.kind !== 'project') {
      const mapped = targetMaps[target.kind][target.id];
      if (!mapped) {
        const rows: readonly { id: Guid }[] = { source: incoming.sources, code: incoming.codes, theme: incoming.themes, coding: incoming.codings, case: incoming.cases }[target.kind];
        const targetId = target.id;
        const reason = rows.some((r) => r.id === targetId) ? `the ${target.kind} it is written on was not placed` : `the ${target.kind} it is written on is not in the incoming project`;
        notPlaced.push({ table: 'memos', id: memo.id, what: `memo '${memo.title || '(untitled)'}'`, reason });
        continue;
      }
      target = { kind: target.kind, id: mapped };
    }
    const row: Memo = { ...memo, target, body: relink(memo.body, sources, codes) };
    if (memo.authorId) {
      const author = coders[memo.authorId];
      if (author) row.authorId = author;
      else delete row.authorId;
    }
    // The same note, whether it kept its GUID or was copied under another one.
    const twin = baseMemos.get(memo.id);
    const alike = twin && sameMemo(twin, row) ? twin : baseMemoByContent.get(memoContentKey(row));
    if (alike) {
      memos[memo.id] = alike.id;
      count(present, 'memos');
      continue;
    }
    // The same memo edited on one side since the projects parted: keep this project's
    // version and say so, rather than stacking a second copy beside it.
    if (twin) {
      memos[memo.id] = twin.id;
      count(present, 'memos');
      const coderName = (id: Guid | undefined) => (id ? (base.coders.find((c) => c.id === id)?.name ?? incoming.coders.find((c) => coders[c.id] === id)?.name ?? id) : 'no one');
      conflicts.push({ table: 'memos', what: `memo '${twin.title || '(untitled)'}' (the same memo, edited since)`, ...memoDifference(twin, row, coderName) });
      continue;
    }
    row.id = freshId(memo.id);
    add('memos', row);
    memos[memo.id] = row.id;
  }

  for (const q of incoming.savedQueries) {
    if (base.savedQueries.some((b) => b.name === q.name)) {
      count(present, 'savedQueries');
      continue;
    }
    notPlaced.push({ table: 'savedQueries', id: q.id, what: `saved query '${q.name}'`, reason: 'saved queries refer to the other project’s ids; re-create it here' });
  }
  if (incoming.settings.length > 0) {
    notPlaced.push({ table: 'settings', id: '*', what: `${incoming.settings.length} project setting(s)`, reason: 'this project keeps its own settings' });
  }

  const set: ChangeSet = { label: `Merge '${label}'`, changes };
  return {
    set,
    mapping: { coders, sources, codes, codings, memos, attributes, cases, themes, documentSets },
    report: {
      base: base.meta.name,
      incoming: label,
      added,
      updated,
      alreadyPresent: present,
      coders: coderLines,
      sources: sourceLines,
      conflicts,
      notPlaced,
      codebook: book.report,
    },
  };
}

/** How two versions of a memo differ, as the report shows it: the first aspect that differs. */
function memoDifference(kept: Memo, incoming: Memo, coderName: (id: Guid | undefined) => string): { kept: string; incoming: string } {
  const words = (memo: Memo) => {
    const text = memoWords(memo.body).replace(/\n/g, ' ');
    return text.length > 80 ? `${text.slice(0, 79)}…` : text || '(empty)';
  };
  const where = (memo: Memo) => (memo.target.kind === 'project' ? 'the project' : `${memo.target.kind} ${memo.target.id}`);
  if (kept.title !== incoming.title) return { kept: `title '${kept.title}'`, incoming: `title '${incoming.title}'` };
  if (words(kept) !== words(incoming)) return { kept: words(kept), incoming: words(incoming) };
  if (!sameValue(kept.target, incoming.target)) return { kept: `written on ${where(kept)}`, incoming: `written on ${where(incoming)}` };
  if (kept.authorId !== incoming.authorId) return { kept: `by ${coderName(kept.authorId)}`, incoming: `by ${coderName(incoming.authorId)}` };
  return { kept: 'its formatting', incoming: 'other formatting' };
}

/**
 * The row of this project an incoming row is: the same GUID (renamed on one side since the
 * projects parted, so the rename is a conflict, not a second row), else the same name.
 */
function sameGuidOrName<T extends { id: Guid; name: string }>(rows: readonly T[], row: T, table: TableName, noun: string, conflicts: ProjectMergeReport['conflicts']): T | undefined {
  const byId = rows.find((r) => r.id === row.id);
  if (!byId) return rows.find((r) => normalizeName(r.name) === normalizeName(row.name));
  if (normalizeName(byId.name) !== normalizeName(row.name)) conflicts.push({ table, what: `name of ${noun} '${byId.name}'`, kept: byId.name, incoming: row.name });
  return byId;
}

function codingKey(sourceId: string, codeId: string, coderId: string, start: number, end: number): string {
  return `${sourceId}\u0000${codeId}\u0000${coderId}\u0000${start}\u0000${end}`;
}

/** Links in a memo body point to codes and sources; follow them to their merged ids. */
function relink(body: readonly RichBlock[], sources: Record<Guid, Guid>, codes: Record<Guid, Guid>): RichBlock[] {
  const inline = (node: RichInline): RichInline => {
    if (!('type' in node)) return node;
    const id = (node.target.kind === 'code' ? codes : sources)[node.target.id];
    // A link to something not placed becomes its text, so the words stay.
    return id ? { ...node, target: { ...node.target, id } } : { text: node.children.map((c) => c.text).join('') };
  };
  return body.map((block): RichBlock => {
    switch (block.type) {
      case 'paragraph':
      case 'list-item':
        return { type: block.type, children: block.children.map(inline) };
      default:
        return { type: block.type, children: relink(block.children as RichBlock[], sources, codes) };
    }
  });
}

const ROW_WORDS: Record<TableName, [string, string]> = {
  coders: ['coder', 'coders'],
  sources: ['source', 'sources'],
  codes: ['code', 'codes'],
  codings: ['coding', 'codings'],
  memos: ['memo', 'memos'],
  attributes: ['attribute', 'attributes'],
  cases: ['case', 'cases'],
  themes: ['theme', 'themes'],
  documentSets: ['document set', 'document sets'],
  savedQueries: ['saved query', 'saved queries'],
  settings: ['setting', 'settings'],
  preserved: ['item kept from another tool', 'items kept from another tool'],
};

/** "1 memo", "8 memos", "2 document sets": the report is read by people, not by the table names. */
function rowCount(table: TableName, n: number): string {
  const [one, many] = ROW_WORDS[table];
  return `${n} ${n === 1 ? one : many}`;
}

/** The project merge report as text a person reads. */
export function projectReportText(report: ProjectMergeReport): string {
  const tally = (r: Partial<Record<TableName, number>>) =>
    (Object.entries(r) as [TableName, number][]).map(([t, n]) => rowCount(t, n)).join(', ') || 'nothing';
  const lines = [
    `Merged '${report.incoming}' into '${report.base}'.`,
    `Added: ${tally(report.added)}.`,
    `Updated: ${tally(report.updated)}.`,
    `Already present: ${tally(report.alreadyPresent)}.`,
    'Coders:',
    ...report.coders.map((c) => `  ${c.incoming} -> ${c.mergedAs} (${c.how === 'new' ? 'added' : `matched by ${c.how}`})`),
    'Sources:',
    ...report.sources.map((s) => `  ${s.incoming} -> ${s.mergedAs} (${s.how})`),
  ];
  if (report.conflicts.length > 0) {
    lines.push('Kept as this project has them:');
    for (const c of report.conflicts) lines.push(`  ${c.what}: kept '${c.kept}', incoming '${c.incoming}'`);
  }
  lines.push(report.notPlaced.length > 0 ? 'Not placed:' : 'Everything was placed.');
  for (const n of report.notPlaced) lines.push(`  ${n.what}: ${n.reason}`);
  lines.push('', codebookReportText(report.codebook));
  return `${lines.join('\n')}\n`;
}
