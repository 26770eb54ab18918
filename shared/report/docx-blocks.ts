/**
 * The few building blocks every Word document we write is made of. Everything is set in
 * Word's built-in styles (Title, Heading 1-3, Quote, Caption, Table Grid) so the navigation
 * pane and the table of contents work, and a user's own template restyles the whole report.
 */
import type { IPropertiesOptions, ParagraphChild } from 'docx';
import { lineWidthDxa } from './text-width';
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** US Letter with one-inch margins: 6.5 inches of text, in twentieths of a point (DXA). */
export const PAGE = { width: 12240, height: 15840, margin: 1440 } as const;
export const TEXT_WIDTH_DXA = PAGE.width - 2 * PAGE.margin;
/** The same width in CSS pixels (96 to the inch), which is how docx sizes images. */
export const TEXT_WIDTH_PX = (TEXT_WIDTH_DXA / 1440) * 96;

// Arial rather than Calibri: every system has it or a metric twin (Liberation Sans), so tables
// sized for it fit wherever the report is opened; a user's template replaces it anyway.
const FONT_BODY = 'Arial';
const FONT_HEADING = 'Arial';
/** The body font and what stands in for it, as a CSS list for the charts: they print in the text's face. */
export const DOCUMENT_FONT_STACK = `${FONT_BODY}, Liberation Sans, Helvetica, DejaVu Sans, sans-serif`;

/**
 * "Table Grid" is a built-in style Word writes only into documents that use it, so we
 * declare it ourselves; a template's own Table Grid then takes its place.
 */
const TABLE_GRID_XML =
  '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:style w:type="table" w:styleId="TableGrid">' +
  '<w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>' +
  '<w:tblPr><w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`)
    .join('') +
  '</w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  '</w:styles>';

/** Spread into a Document's options: docx's own default styles, ours on top, and Table Grid. */
export function documentStyles(): Pick<IPropertiesOptions, 'styles' | 'externalStyles'> {
  return {
    externalStyles: TABLE_GRID_XML,
    styles: {
      default: {
        document: {
          run: { font: FONT_BODY, size: 22 },
          paragraph: { spacing: { after: 160, line: 264, lineRule: LineRuleType.AUTO } },
        },
        title: { run: { font: FONT_HEADING, size: 56, color: '1F3864' }, paragraph: { spacing: { after: 240 } } },
        heading1: {
          run: { font: FONT_HEADING, size: 32, color: '2F5496' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { font: FONT_HEADING, size: 26, color: '2F5496' },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
        },
        heading3: {
          run: { font: FONT_HEADING, size: 24, color: '1F3763' },
          paragraph: { spacing: { before: 200, after: 60 }, keepNext: true },
        },
        caption: {
          run: { italics: true, size: 18, color: '44546A' },
          paragraph: { spacing: { before: 60, after: 240 } },
        },
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: FONT_HEADING, size: 32, color: '595959' },
          paragraph: { spacing: { after: 480 } },
        },
        {
          // Word's "TOC Heading": looks like a heading but is not one, so the contents do not list themselves.
          id: 'TOCHeading',
          name: 'TOC Heading',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: FONT_HEADING, size: 32, color: '2F5496' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '404040' },
          paragraph: {
            indent: { left: 720, right: 720 },
            spacing: { before: 120, after: 40 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'A5A5A5', space: 8 } },
          },
        },
        {
          id: 'Attribution',
          name: 'Quote Attribution',
          basedOn: 'Quote',
          next: 'Normal',
          quickFormat: true,
          run: { italics: false, size: 20, color: '595959' },
          paragraph: {
            alignment: AlignmentType.RIGHT,
            spacing: { before: 0, after: 200 },
            keepLines: true,
            // No bar beside the attribution, so each quote gets a bar of its own instead of one running down the page.
            border: { left: { style: BorderStyle.NONE, size: 0, color: 'auto', space: 0 } },
          },
        },
        {
          id: 'TableText',
          name: 'Table Text',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: 18 },
          paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } },
        },
      ],
    },
  };
}

export function heading(text: string, level: 1 | 2 | 3, opts: { newPage?: boolean } = {}): Paragraph {
  const h = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({ heading: h, pageBreakBefore: opts.newPage ?? false, children: [new TextRun(text)] });
}

/** Text with line breaks kept: one paragraph per blank-line-separated block, <w:br/> within. */
export function paragraphs(text: string, style?: string): Paragraph[] {
  const blocks = text.split(/\n{2,}/).filter((b) => b.trim() !== '');
  return blocks.map((block) => new Paragraph({ ...(style ? { style } : {}), children: linesToRuns(block) }));
}

export function linesToRuns(text: string, props: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
  // docx drops control characters itself, but not the noncharacters U+FFFE/U+FFFF, which XML forbids too.
  return text
    .replace(/[\uFFFE\uFFFF]/g, '')
    .split('\n')
    .map((line, i) => new TextRun({ text: line, ...props, ...(i > 0 ? { break: 1 } : {}) }));
}

export function labelled(label: string, text: string, opts: { spaceBefore?: number } = {}): Paragraph {
  return new Paragraph({
    ...(opts.spaceBefore ? { spacing: { before: opts.spaceBefore } } : {}),
    children: [new TextRun({ text: `${label}: `, bold: true }), ...linesToRuns(text)],
  });
}

/**
 * A block quote: the words exactly as coded, in the Quote style, with line breaks kept
 * inside one paragraph so the quote stays one block; its attribution right-aligned below.
 * The ellipses are runs of their own, outside the coded words.
 */
export function blockQuote(text: string, attribution: string): Paragraph[] {
  // An excerpt cut from the middle of a sentence is marked with ellipses, as a manuscript would.
  const lead = /^\p{Ll}/u.test(text) ? [new TextRun('\u2026')] : [];
  const trail = /[.?!\u2026"\u201d'\u2019)]$/u.test(text) ? [] : [new TextRun('\u2026')];
  return [
    new Paragraph({
      style: 'Quote',
      keepNext: true,
      children: [...lead, ...linesToRuns(text.replace(/\n{2,}/g, '\n')), ...trail],
    }),
    new Paragraph({ style: 'Attribution', children: [new TextRun(`\u2014 ${attribution}`)] }),
  ];
}

/** A caption; one above a table keeps with it (`keepNext`), and one right below another table stands clear of it. */
export function caption(text: string, opts: { keepNext?: boolean; spaceBefore?: number } = {}): Paragraph {
  return new Paragraph({
    style: 'Caption',
    ...(opts.keepNext ? { keepNext: true } : {}),
    ...(opts.spaceBefore ? { spacing: { before: opts.spaceBefore } } : {}),
    children: [new TextRun(text)],
  });
}

/** Cell margins (108 DXA a side, see Table Grid) and borders, plus a little slack for rounding in the viewer. */
const CELL_PADDING_DXA = 260;

/**
 * The narrowest column in which no word of its header or cells has to break: words break only
 * at spaces and line breaks, so "(100%)" and "Sources" stay whole. With `wholeLines`, no line
 * of a cell breaks either ("1 (100%)" stays on one line).
 */
export function columnWidthDxa(header: string, cells: readonly string[], opts: { wholeLines?: boolean } = {}): number {
  const longest = (texts: readonly string[], isHeader: boolean, separator: RegExp) =>
    Math.max(0, ...texts.flatMap((t) => t.split(separator)).map((w) => lineWidthDxa(w, isHeader)));
  const cellWidth = longest(cells, false, opts.wholeLines ? /\n/ : /[ \n]+/);
  return Math.max(longest([header], true, /[ \n]+/), cellWidth) + CELL_PADDING_DXA;
}

export interface Column {
  header: string;
  /** Share of the text width, in percent; the columns' shares add up to 100. */
  share: number;
  align?: 'left' | 'right';
}

/**
 * A table that fits the page: fixed layout with explicit column widths in DXA, because
 * Word and LibreOffice otherwise size columns to their longest cell and run off the page.
 */
export function table(columns: readonly Column[], rows: readonly (readonly (string | ParagraphChild[])[])[]): Table {
  const total = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => Math.floor((c.share / total) * TEXT_WIDTH_DXA));
  const cell = (content: string | ParagraphChild[], i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: [
        new Paragraph({
          style: 'TableText',
          alignment: columns[i]!.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children:
            typeof content === 'string' ? linesToRuns(content, header ? { bold: true, size: 16 } : {}) : content,
        }),
      ],
      ...(header ? { shading: { fill: 'D9E2F3', color: 'auto', type: 'clear' as const } } : {}),
    });
  return new Table({
    style: 'TableGrid',
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((content, i) => cell(content, i, false)) })),
    ],
  });
}
