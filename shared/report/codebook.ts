/**
 * The codebook as a Word section: every code in tree order with its definition,
 * inclusion and exclusion criteria, example and origin, so a reader (or a reviewer)
 * can see exactly what each code meant. Used as the report's appendix and on its own.
 */
import type { FileChild } from 'docx';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Code, CodeOrigin, Project } from '../model/schema';
import { codeTree } from '../model/project';
import { documentStyles, heading, linesToRuns, PAGE, paragraphs } from './docx-blocks';
import type { WordTemplate } from './template';
import { withTemplateStyles } from './template';

export const ORIGIN_LABEL: Record<CodeOrigin, string> = {
  deductive: 'Deductive',
  inductive: 'Inductive',
  'in-vivo': 'In vivo',
};

/** "1.2.3" style numbers that show each code's place in the hierarchy. */
export function codeNumbers(codes: readonly Code[]): Map<string, string> {
  const numbers = new Map<string, string>();
  const counters: number[] = [];
  for (const { code, depth } of codeTree(codes)) {
    counters.length = depth + 1;
    counters[depth] = (counters[depth] ?? 0) + 1;
    numbers.set(code.id, counters.join('.'));
  }
  return numbers;
}

export function codebookSection(project: Project, opts: { title: string; newPage: boolean }): FileChild[] {
  const out: FileChild[] = [heading(opts.title, 1, { newPage: opts.newPage })];
  const tree = codeTree(project.codes);
  if (tree.length === 0) {
    out.push(new Paragraph({ children: [new TextRun('The project has no codes yet.')] }));
    return out;
  }
  const numbers = codeNumbers(project.codes);
  for (const { code, depth } of tree) {
    const title = `${numbers.get(code.id)} ${code.name}`;
    // Headings only for the top two levels: deeper ones would flood the navigation pane.
    if (depth <= 1) out.push(heading(title, depth === 0 ? 2 : 3));
    else
      out.push(
        new Paragraph({
          keepNext: true,
          indent: { left: 360 * (depth - 1) },
          children: [new TextRun({ text: title, bold: true })],
        }),
      );
    const indent = depth > 1 ? { indent: { left: 360 * (depth - 1) } } : {};
    const field = (label: string, text: string) =>
      text.trim()
        ? [
            new Paragraph({
              ...indent,
              spacing: { after: 60 },
              children: [new TextRun({ text: `${label}: `, bold: true }), ...linesToRuns(text.trim())],
            }),
          ]
        : [];
    out.push(
      ...field('Definition', code.definition || '(no definition yet)'),
      ...field('Include', code.inclusion),
      ...field('Exclude', code.exclusion),
      ...field('Example', code.example),
      ...field('Origin', ORIGIN_LABEL[code.origin] + (code.codable ? '' : ' (category: groups other codes)')),
    );
  }
  return out;
}

export async function buildCodebookDocx(project: Project, opts: { template?: WordTemplate } = {}): Promise<Uint8Array> {
  const doc = new Document({
    title: `${project.meta.name}: codebook`,
    creator: 'Lantern QDA',
    ...documentStyles(),
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: allMargins() } },
        children: [
          new Paragraph({ style: 'Title', children: [new TextRun(`${project.meta.name}: codebook`)] }),
          ...paragraphs(project.meta.description),
          ...codebookSection(project, { title: 'Codebook', newPage: false }),
        ],
      },
    ],
  });
  const bytes = await Packer.pack(doc, 'uint8array');
  return opts.template ? withTemplateStyles(bytes, opts.template) : bytes;
}

export function allMargins() {
  return { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin };
}
