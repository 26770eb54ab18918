import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeStudy } from '../../bench/generate';
import { renderFile } from '../../bench/files';
import type { Study } from '../../bench/study';
import { TINY_SIZE, buildStudy } from '../../bench/study';
import type { Project } from '../../shared/model';
import { projectSchema } from '../../shared/model';

const SEED = 42;

function checkReferences(project: Project): void {
  const sources = new Map(project.sources.map((s) => [s.id, s]));
  const codes = new Set(project.codes.map((c) => c.id));
  const coders = new Set(project.coders.map((c) => c.id));
  const cases = new Set(project.cases.map((c) => c.id));
  const codings = new Set(project.codings.map((c) => c.id));
  const themes = new Set(project.themes.map((t) => t.id));
  for (const c of project.codings) {
    const source = sources.get(c.sourceId);
    expect(source, `coding ${c.id} source`).toBeDefined();
    expect(codes.has(c.codeId), `coding ${c.id} code`).toBe(true);
    expect(coders.has(c.coderId), `coding ${c.id} coder`).toBe(true);
    expect(c.start).toBeLessThan(c.end);
    expect(c.end).toBeLessThanOrEqual(source!.text.length);
    // Codings start and end on whole words.
    expect(source!.text[c.start - 1] ?? ' ').toMatch(/\s/);
    expect(source!.text[c.end] ?? ' ').toMatch(/\s/);
  }
  for (const s of project.sources) {
    if (s.caseId) expect(cases.has(s.caseId)).toBe(true);
    for (const t of s.turns) expect(s.text.slice(t.start, t.end).trim()).toBe(s.text.slice(t.start, t.end));
  }
  for (const code of project.codes) if (code.parentId) expect(codes.has(code.parentId)).toBe(true);
  for (const theme of project.themes) for (const id of theme.codeIds) expect(codes.has(id)).toBe(true);
  for (const memo of project.memos) {
    const t = memo.target;
    if (t.kind === 'source') expect(sources.has(t.id)).toBe(true);
    if (t.kind === 'code') expect(codes.has(t.id)).toBe(true);
    if (t.kind === 'coding') expect(codings.has(t.id)).toBe(true);
    if (t.kind === 'theme') expect(themes.has(t.id)).toBe(true);
    if (t.kind === 'case') expect(cases.has(t.id)).toBe(true);
  }
}

function depth(project: Project, codeId: string): number {
  const code = project.codes.find((c) => c.id === codeId)!;
  return code.parentId ? 1 + depth(project, code.parentId) : 1;
}

describe('benchmark study generator', () => {
  const study: Study = buildStudy(TINY_SIZE, SEED);

  it('builds the same study from the same seed and another from another seed', () => {
    expect(JSON.stringify(buildStudy(TINY_SIZE, SEED))).toBe(JSON.stringify(study));
    expect(JSON.stringify(buildStudy(TINY_SIZE, SEED + 1).combined.sources)).not.toBe(JSON.stringify(study.combined.sources));
  });

  it('builds projects that satisfy the model schema and whose references all resolve', () => {
    for (const project of [study.combined, study.coderA, study.coderB, study.single]) {
      expect(() => projectSchema.parse(project)).not.toThrow();
      checkReferences(project);
    }
  });

  it('has the requested size and shape', () => {
    const { combined } = study;
    expect(combined.sources).toHaveLength(TINY_SIZE.transcripts);
    expect(combined.cases).toHaveLength(TINY_SIZE.transcripts);
    expect(combined.codes).toHaveLength(TINY_SIZE.codes);
    expect(combined.codings).toHaveLength(TINY_SIZE.codings);
    expect(combined.themes).toHaveLength(TINY_SIZE.themes);
    expect(combined.memos).toHaveLength(TINY_SIZE.memos);
    expect(combined.coders).toHaveLength(2);
    expect(new Set(combined.codes.map((c) => depth(combined, c.id)))).toEqual(new Set([1, 2, 3]));
    expect(new Set(combined.codes.map((c) => c.origin))).toEqual(new Set(['deductive', 'inductive', 'in-vivo']));
    expect(new Set(combined.sources.map((s) => s.format))).toEqual(new Set(['txt', 'docx', 'vtt', 'csv']));
    const text = combined.sources.map((s) => s.text).join('\n');
    expect(text).toMatch(/[éèöñłọ]/);
    expect(text).toMatch(/[“”’]/);
    expect(text).toMatch(/\p{Extended_Pictographic}/u);
    expect(text).toMatch(/\p{Script=Han}/u);
    expect(study.single.codings).toHaveLength(TINY_SIZE.singleCodings);
  });

  it('makes most of coder B’s codings overlap one of coder A’s with other boundaries', () => {
    const [a, b] = study.combined.coders.map((c) => study.combined.codings.filter((k) => k.coderId === c.id)) as [
      Project['codings'], Project['codings'],
    ];
    const near = b.filter((kb) => a.some((ka) => ka.sourceId === kb.sourceId && ka.start < kb.end && kb.start < ka.end));
    const exact = b.filter((kb) => a.some((ka) => ka.sourceId === kb.sourceId && ka.start === kb.start && ka.end === kb.end));
    expect(near.length / b.length).toBeGreaterThan(0.6);
    expect(exact.length).toBeLessThan(near.length);
  });

  it('gives coder B separate source ids, the same texts, and a codebook with renamed codes', () => {
    const ids = new Set(study.combined.sources.map((s) => s.id));
    expect(study.coderB.sources.every((s) => !ids.has(s.id))).toBe(true);
    expect(study.coderB.sources.map((s) => s.text)).toEqual(study.combined.sources.map((s) => s.text));
    expect(study.coderB.codings.every((c) => c.coderId === study.combined.coders[1]!.id)).toBe(true);
    expect(study.coderA.codings.every((c) => c.coderId === study.combined.coders[0]!.id)).toBe(true);
    expect(study.coderA.codings.length + study.coderB.codings.length).toBe(study.combined.codings.length);
  });

  it('writes each transcript in its format with the speakers and text of the study', async () => {
    for (const [i, plan] of study.plans.entries()) {
      const bytes = await renderFile(plan);
      expect(Buffer.from(await renderFile(plan)).equals(Buffer.from(bytes)), plan.fileName).toBe(true);
      const firstWords = plan.utterances[1]!.text.split(' ').slice(0, 3).join(' ');
      let text: string;
      if (plan.kind.startsWith('docx')) {
        text = strFromU8(unzipSync(bytes)['word/document.xml']!);
      } else {
        text = new TextDecoder().decode(bytes);
      }
      expect(text, plan.fileName).toContain(firstWords);
      const speaker = study.combined.sources[i]!.turns[0]!.speaker;
      if (plan.kind === 'vtt:voice') expect(text.startsWith('WEBVTT')).toBe(true);
      if (plan.kind === 'vtt:voice') expect(text).toContain(`<v ${speaker}>`);
      if (plan.kind === 'csv:rows') expect(text.split(/\r?\n/)[0]).toBe('speaker,timestamp,text');
      if (plan.kind === 'txt:bracket-id') expect(text.replace(/^\ufeff/, '')).toMatch(new RegExp(`^\\[${speaker}\\] `));
      if (plan.kind.startsWith('txt:') && plan.kind !== 'txt:bracket-id') expect(text.replace(/^\ufeff/, '').startsWith(`${speaker}: `)).toBe(true);
    }
  });

  it('writes byte-identical files from the same seed', async () => {
    const hashes = async (dir: string) => {
      const out: Record<string, string> = {};
      for (const sub of ['', 'study']) {
        for (const name of await readdir(path.join(dir, sub), { withFileTypes: true })) {
          if (!name.isFile()) continue;
          out[path.join(sub, name.name)] = createHash('sha256').update(await readFile(path.join(dir, sub, name.name))).digest('hex');
        }
      }
      return out;
    };
    const one = await mkdtemp(path.join(tmpdir(), 'bench-gen-'));
    const two = await mkdtemp(path.join(tmpdir(), 'bench-gen-'));
    try {
      await writeStudy(buildStudy(TINY_SIZE, SEED), one);
      await writeStudy(buildStudy(TINY_SIZE, SEED), two);
      const [h1, h2] = [await hashes(one), await hashes(two)];
      expect(Object.keys(h1)).toContain('attributes.csv');
      expect(Object.keys(h1).filter((f) => f.startsWith('study'))).toHaveLength(TINY_SIZE.transcripts);
      expect(h2).toEqual(h1);
    } finally {
      await rm(one, { recursive: true, force: true });
      await rm(two, { recursive: true, force: true });
    }
  });
});
