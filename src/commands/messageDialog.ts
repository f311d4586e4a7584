/**
 * How a function command tells the user something. Excel gives a UI-less function file no
 * notification bar (that is Outlook's), so the one way is a small Office dialog. It shows commands.html
 * itself with the text in the query string; the dialog page renders it and asks to be closed.
 */

const MESSAGE_PARAM = 'message';
/** Sent by the dialog's 知道了 button. */
const CLOSE = 'close';
/** A dialog nobody closes still ends the command: Office keeps the ribbon button busy until then. */
const DIALOG_TIMEOUT_MS = 5 * 60_000;

/** The message this page should show, when it was opened as the message dialog. */
export function messageFromSearch(search: string): string | null {
  return new URLSearchParams(search).get(MESSAGE_PARAM);
}

export function messageDialogUrl(functionFileHref: string, message: string): string {
  const url = new URL(functionFileHref);
  url.search = new URLSearchParams({ [MESSAGE_PARAM]: message }).toString();
  url.hash = '';
  return url.href;
}

/** The dialog side: the text and one button. Text only (textContent), never markup from the message. */
export function renderMessagePage(doc: Document, message: string, onClose: () => void): void {
  const root = doc.getElementById('message') ?? doc.body;
  root.replaceChildren();
  const style = doc.createElement('style');
  style.textContent =
    'body{font-family:"Microsoft YaHei","PingFang SC","Segoe UI",sans-serif;margin:1.25rem;line-height:1.6;color:#242424}' +
    'h1{font-size:1.1rem;margin:0 0 .75rem}p{margin:0 0 1.25rem;white-space:pre-wrap}' +
    'button{font:inherit;padding:.35rem 1.4rem;border-radius:4px;border:1px solid #0f6cbd;background:#0f6cbd;color:#fff;cursor:pointer}' +
    'button:focus-visible{outline:2px solid #242424;outline-offset:2px}';
  const title = doc.createElement('h1');
  title.textContent = '评分未完成';
  const text = doc.createElement('p');
  text.textContent = message;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = '知道了';
  button.addEventListener('click', onClose);
  doc.head.append(style);
  root.append(title, text, button);
  button.focus();
}

/** The command side: opens the dialog and resolves once it is closed, by the user or by the timeout. */
export function showMessageDialog(message: string): Promise<void> {
  const ui = Office.context.ui;
  if (!Office.context.requirements.isSetSupported('DialogApi', '1.1')) {
    console.error(message);
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    ui.displayDialogAsync(messageDialogUrl(window.location.href, message), { height: 30, width: 30 }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        console.error(result.error?.message ?? 'displayDialogAsync failed', message);
        resolve();
        return;
      }
      const dialog = result.value;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        dialog.close();
        resolve();
      };
      const timer = setTimeout(finish, DIALOG_TIMEOUT_MS);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if ('message' in arg && arg.message === CLOSE) finish();
      });
      // Closed with the dialog's own × (error 12006) or unloaded.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve();
      });
    });
  });
}

/** The dialog side's close button. */
export function closeMessageDialog(): void {
  Office.context.ui.messageParent(CLOSE);
}
