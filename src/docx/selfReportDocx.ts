/**
 * The 绩效自评报告 draft as a Word document, with the `docx` package (MIT; the same code runs in Node for
 * the command line and in the browser for the preview and the pane). A4 portrait with the margins of
 * 党政机关公文格式 (GB/T 9704), the title and headings in 黑体, sub-headings in 楷体, text in 仿宋: Word and
 * WPS pick the installed 仿宋_GB2312/仿宋 by the east-Asian font name and substitute their CJK default
 * where it is missing, as LibreOffice does through fontconfig; Latin figures are in Times New Roman.
 * Tables are real Word tables; pages are numbered in the footer; every 【待填写】 is highlighted yellow.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { placeholderText, type ReportBlock, type ReportRun, type SelfReport, type TableBlock } from '../core/selfReport/types';

/** A4 in twentieths of a point, and the GB/T 9704 margins (37/35/28/26 mm). */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const LATIN = 'Times New Roman';
const FONTS = {
  body: { ascii: LATIN, hAnsi: LATIN, eastAsia: '仿宋', cs: LATIN },
  heading: { ascii: LATIN, hAnsi: LATIN, eastAsia: '黑体', cs: LATIN },
  subheading: { ascii: LATIN, hAnsi: LATIN, eastAsia: '楷体', cs: LATIN },
};

/** Half-points: 三号 16 pt for text, 二号 22 pt for the title, 五号 10.5 pt in tables. */
const SIZE = { title: 44, body: 30, table: 21, note: 24 };
/** 首行缩进两字. */
const FIRST_LINE = 2 * SIZE.body * 10;

function runs(items: ReportRun[], size: number): TextRun[] {
  return items.map((r) => {
    const options: IRunOptions = { text: r.kind === 'text' ? r.text : placeholderText(r), font: FONTS.body, size };
    // The officer's own text in a placeholder is theirs: only an unfilled one is marked.
    return new TextRun(r.kind === 'placeholder' && r.text === null ? { ...options, highlight: 'yellow' } : options);
  });
}

/** Tables up to this many rows are kept on one page (each row's paragraph keeps with the next). */
const KEEP_TOGETHER_ROWS = 15;

function cell(text: string, header: boolean, width: number, keepNext = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E1F2' } } : {}),
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        keepNext,
        children: [new TextRun({ text, font: header ? FONTS.heading : FONTS.body, size: SIZE.table })],
      }),
    ],
  });
}

function table(block: TableBlock): (Paragraph | Table)[] {
  const total = block.widths.reduce((s, w) => s + w, 0) || 1;
  const widths = block.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const together = block.rows.length <= KEEP_TOGETHER_ROWS;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 60 },
      children: [new TextRun({ text: block.caption, font: FONTS.heading, size: SIZE.table + 3 })],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: block.header.map((h, i) => cell(h, true, widths[i], true)) }),
        ...block.rows.map(
          (row, r) => new TableRow({ cantSplit: true, children: row.map((v, i) => cell(v, false, widths[i], together && r < block.rows.length - 1)) }),
        ),
      ],
    }),
    new Paragraph({ children: [] }),
  ];
}

function blockParts(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'subheading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: block.text, font: FONTS.subheading, size: SIZE.body, bold: true })] })];
    case 'paragraph':
      return [new Paragraph({ indent: { firstLine: FIRST_LINE }, spacing: { line: 400 }, alignment: AlignmentType.JUSTIFIED, children: runs(block.runs, SIZE.body) })];
    case 'table':
      return table(block);
  }
}

/** The report as .docx bytes. */
export async function selfReportDocx(report: SelfReport): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text: report.title, font: FONTS.heading, size: SIZE.title, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: report.note, font: FONTS.subheading, size: SIZE.note })],
    }),
  ];
  for (const section of report.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 240, after: 120 },
        // Bold too: where 黑体 is missing, the substitute still reads as a heading.
        children: [new TextRun({ text: section.heading, font: FONTS.heading, size: SIZE.body, bold: true })],
      }),
    );
    for (const block of section.blocks) children.push(...blockParts(block));
  }
  const doc = new Document({
    creator: '绩效评价助手',
    title: report.title,
    styles: {
      default: { document: { run: { font: FONTS.body, size: SIZE.body } } },
      // Word's built-in heading styles are blue and Latin: ours are black, in the fonts above.
      paragraphStyles: [
        { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', run: { font: FONTS.heading, size: SIZE.title, color: '000000' } },
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', run: { font: FONTS.heading, size: SIZE.body, color: '000000' } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', run: { font: FONTS.subheading, size: SIZE.body, color: '000000' } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
            pageNumbers: { start: 1 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONTS.body, size: SIZE.note })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
