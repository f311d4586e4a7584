/**
 * The ribbon's 评分 button (an ExecuteFunction command): score the workbook with the options it
 * remembers, without opening the pane. Success needs no message — the patch activates the scored
 * sheet — so only a failure is shown. Office waits for `event.completed()` and keeps the button busy
 * until then, so it is called on every path, errors included.
 */
import { scoreWorkbook } from '../app/scoreWorkbook';
import type { WorkbookHost } from '../core/host';

/** The part of `Office.AddinCommands.Event` a function command uses. */
export interface CommandEvent {
  completed(): void;
}

export interface ScoreCommandDeps {
  createHost: () => WorkbookHost;
  /** Shows a Chinese message to the user and resolves when it has been dismissed (or cannot be shown). */
  showMessage: (message: string) => Promise<void>;
  score?: typeof scoreWorkbook;
}

/** What the user reads when something other than the workbook went wrong. */
export function internalErrorMessage(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `评分未完成：加载项内部出错（${detail}）。请打开助手重试；若仍出错，请把这条信息告诉管理员。`;
}

export function makeScoreCommand(deps: ScoreCommandDeps): (event: CommandEvent) => Promise<void> {
  const score = deps.score ?? scoreWorkbook;
  return async (event) => {
    let message: string | null = null;
    try {
      // `{}`: no choices made here; the pipeline falls back to what the workbook remembers
      // (scheme, rule packs, mapping overrides from the last run in the pane).
      const outcome = await score(deps.createHost(), {});
      if (outcome.status === 'failed') message = outcome.message;
    } catch (error) {
      console.error(error);
      message = internalErrorMessage(error);
    }
    try {
      if (message !== null) await deps.showMessage(message);
    } catch (error) {
      console.error(error);
    } finally {
      event.completed();
    }
  };
}
