/**
 * The theme report to Word on the large study (issue 6): 2,000 quotes with a chart per
 * theme, < 3 s. quotesPerTheme allows at most 100, so the study gets eight more themes
 * (20 in all), drawn from the same seed so every run reports the same text. Exemplar marks
 * are cleared: with them a chapter shows only the exemplars (about 30 a theme here), without
 * them the report picks a spread across groups and sites, the heavier path.
 */
import { strFromU8, unzipSync } from 'fflate';
import { rasterize } from '../../cli/rasterize';
import type { Project } from '../../shared/model';
import { seededGuids } from '../../shared/model';
import { buildThemeReport } from '../../shared/report/index';
import type { BenchContext } from '../measure';
import { NO_TARGET, below, row, timeRuns } from '../measure';
import { seededRng } from '../prng';

const QUOTES = 2000;

function withMoreThemes(project: Project, count: number): Project {
  const rng = seededRng(7);
  const newId = seededGuids(7);
  const codable = project.codes.filter((c) => c.codable);
  const extra = Array.from({ length: Math.max(0, count - project.themes.length) }, (_, i) => ({
    id: newId(),
    name: `Extra theme ${i + 1}`,
    definition: 'Added for the report benchmark.',
    codeIds: rng.shuffle([...codable]).slice(0, 12).map((c) => c.id),
    parentId: null,
    order: project.themes.length + i,
  }));
  const codings = project.codings.map((c) => (c.exemplar ? { ...c, exemplar: false } : c));
  return { ...project, codings, themes: [...project.themes, ...extra] };
}

export async function measure(ctx: BenchContext): Promise<void> {
  const quotes = ctx.quick ? 200 : QUOTES;
  const themes = Math.max(ctx.study.combined.themes.length, Math.ceil(quotes / 100));
  const project = withMoreThemes(ctx.study.combined, themes);
  const options = {
    themeIds: project.themes.map((t) => t.id),
    groupBy: 'participant type',
    spreadBy: 'site',
    quotesPerTheme: Math.ceil(quotes / themes),
    includeCharts: true,
    includeCodebook: true,
  };
  const deps = { rasterize, now: () => new Date(Date.UTC(2026, 0, 5)) };
  let bytes: Uint8Array = new Uint8Array();
  const samples = await timeRuns(async () => (bytes = await buildThemeReport(project, options, deps)), ctx.runs, ctx.warmup);
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  const written = (xml.match(/<w:pStyle w:val="Quote"\/>/g) ?? []).length;
  const charts = (xml.match(/<pic:pic\b/g) ?? []).length;
  ctx.log(`report: ${(bytes.byteLength / 1e6).toFixed(1)} MB, ${project.themes.length} themes, ${written} quotes, ${charts} charts`);
  ctx.add(row(`theme report .docx: ${written} quotes, ${charts} charts`, samples, 'ms', quotes >= QUOTES ? below(3000, '< 3 s') : NO_TARGET));
}
