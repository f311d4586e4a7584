/** What a generator hands the runner: a file to score and what the harness knows about it. */
export interface Built {
  /** What was done to it, short: `layout [合计 total row] + #REF! at 项目支出绩效自评表!F9`. */
  label: string;
  bytes: Uint8Array;
  /** The input's file name (its extension is part of the test); `input.xlsx` when absent. */
  fileName?: string;
  /** More arguments for `score`, e.g. `--rules km-wuhua-2023`. */
  args?: string[];
  /**
   * Sheets of the input the add-in itself wrote (a state sheet, a previous run's 绩效目标): a run may
   * replace them. Every other sheet is the user's and must come out cell for cell the same.
   */
  ourSheets?: string[];
}
