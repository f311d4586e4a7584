/**
 * The function file (commands.html) behind the ribbon's 评分 button. It also serves as the page of the
 * message dialog a failed run opens (see messageDialog.ts), told apart by the `message` query parameter.
 *
 * Only the Office host is imported here: this bundle must not carry ExcelJS (test/browser checks it).
 */
import { OfficeHost } from '../hosts/office/officeHost';
import { closeMessageDialog, messageFromSearch, renderMessagePage, showMessageDialog } from './messageDialog';
import { makeScoreCommand } from './scoreCommand';

/** The `FunctionName` of the 评分 button in manifest.xml. */
export const SCORE_ACTION = 'score';

const dialogMessage = messageFromSearch(window.location.search);

if (dialogMessage !== null) {
  Office.onReady(() => renderMessagePage(document, dialogMessage, closeMessageDialog));
} else {
  const score = makeScoreCommand({ createHost: () => new OfficeHost(), showMessage: showMessageDialog });
  const run = (event: Office.AddinCommands.Event) => {
    // The handler may fire before onReady has resolved on a cold start; wait for it, then score.
    void Office.onReady()
      .catch(() => undefined)
      .then(() => score(event));
  };
  Office.actions.associate(SCORE_ACTION, run);
  // Clients older than Office.actions look the function up on the global object by its manifest name.
  (globalThis as Record<string, unknown>)[SCORE_ACTION] = run;
}
