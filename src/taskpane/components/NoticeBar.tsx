import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, type MessageBarIntent } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Messages } from '../../i18n/messages';
import { useMessages } from '../messagesContext';
import type { Notice, NoticeContent, NoticeSource } from '../state/paneState';

function describe(content: NoticeContent, t: Messages): { intent: MessageBarIntent; title?: string; text: string } {
  switch (content.kind) {
    case 'cancelled':
      return { intent: 'info', text: t.cancelled };
    case 'notScorable':
      // The core's message is Chinese in either locale: it names the sheets it searched.
      return { intent: 'error', title: t.scoreFailedTitle, text: content.message };
    case 'unexpected':
      return { intent: 'error', title: t.unexpectedErrorTitle, text: t.unexpectedError(content.detail) };
    case 'detectFailed':
      return { intent: 'error', text: t.detectFailed(content.detail) };
    case 'cleared':
      return { intent: 'success', text: t.clearDone(content.cells) };
    case 'clearFailed':
      return { intent: 'error', text: t.clearFailed(content.detail) };
    case 'templateInserted':
      return { intent: 'success', text: t.templateDone(content.sheet) };
    case 'templateFailed':
      return { intent: 'error', text: t.templateFailed(content.detail) };
    case 'reportWritten':
      return { intent: 'success', text: t.reportDone(content.sheet, content.downloaded) };
    case 'reportFailed':
      return { intent: 'error', text: t.reportFailed(content.detail) };
    case 'selectFailed':
      return { intent: 'warning', text: t.selectFailed(content.detail) };
  }
}

const useStyles = makeStyles({
  // The whole text, wrapped: a MessageBar's body does not shrink below its content by default, which cut
  // the refusal off on the right at every pane width.
  bar: { minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
  body: { minWidth: 0, whiteSpace: 'normal', overflowWrap: 'anywhere' },
  title: { display: 'block' },
});

/** The MessageBars of some sources, each dismissible. */
export function NoticeBars({ notices, sources, onDismiss }: { notices: Notice[]; sources: NoticeSource[]; onDismiss: (source: NoticeSource) => void }) {
  const t = useMessages();
  const c = useStyles();
  const shown = notices.filter((n) => sources.includes(n.source));
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map((n) => {
        const { intent, title, text } = describe(n.content, t);
        return (
          <MessageBar key={n.source} intent={intent} politeness={intent === 'error' ? 'assertive' : 'polite'} layout="multiline" className={c.bar} data-testid={`notice-${n.source}`}>
            <MessageBarBody className={c.body}>
              {title ? <MessageBarTitle className={c.title}>{title}</MessageBarTitle> : null}
              {text}
            </MessageBarBody>
            <MessageBarActions
              containerAction={<Button appearance="transparent" aria-label={t.dismiss} icon={<DismissRegular />} onClick={() => onDismiss(n.source)} />}
            />
          </MessageBar>
        );
      })}
    </>
  );
}
