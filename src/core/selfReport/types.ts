/**
 * The 绩效自评报告 draft (issue 16) as plain data: the eight headings of the 财预〔2020〕10号 提纲, each with
 * paragraphs and tables whose every figure comes from the scored workbook. A renderer (.docx, the
 * 自评报告（草稿） sheet) lays it out; none of them decides what it says.
 */

/**
 * A place only a person can fill (背景, 经验及做法, a deviation's reason). `text` is what the officer wrote
 * there on a previous run, kept; without it the renderers show 【待填写】 and the hint.
 */
export interface PlaceholderRun {
  kind: 'placeholder';
  /** Stable key (`background`, `explain:产出/数量指标/节日送温暖慰问`) to find the officer's text on re-run. */
  key: string;
  /** One line on what belongs there. */
  hint: string;
  text: string | null;
}

export interface TextRun {
  kind: 'text';
  text: string;
}

export type ReportRun = TextRun | PlaceholderRun;

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: ReportRun[];
}

/** A sub-heading inside a section: （一）项目概况. */
export interface SubheadingBlock {
  kind: 'subheading';
  text: string;
}

export interface TableBlock {
  kind: 'table';
  /** 表 1 评价情况总表. */
  caption: string;
  header: string[];
  rows: string[][];
  /** Relative column widths (the same length as header). */
  widths: number[];
}

export type ReportBlock = ParagraphBlock | SubheadingBlock | TableBlock;

export interface ReportSection {
  /** 一、基本情况 … 八、其他需要说明的问题. */
  heading: string;
  blocks: ReportBlock[];
}

/** 绩效自评报告（草稿）. */
export interface SelfReport {
  /** 昆明市总工会送温暖专项资金绩效自评报告. */
  title: string;
  /** One line under the title: a draft, and what the highlighted places are. */
  note: string;
  sections: ReportSection[];
}

/** The marker a renderer shows for an unfilled placeholder. */
export const PLACEHOLDER_MARK = '【待填写】';

/** A placeholder as text: the officer's, or 【待填写】 and the hint. */
export function placeholderText(run: PlaceholderRun): string {
  return run.text ?? `${PLACEHOLDER_MARK}${run.hint}`;
}

/** A paragraph as one line of text (the sheet writes it into one cell). */
export function paragraphText(block: ParagraphBlock): string {
  return block.runs.map((r) => (r.kind === 'text' ? r.text : placeholderText(r))).join('');
}
