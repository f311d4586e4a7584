import { createContext, useContext } from 'react';
import type { Messages } from '../i18n/messages';
import { zhCN } from '../i18n/zh-CN';

export const MessagesContext = createContext<Messages>(zhCN);

/** The pane's strings in its locale. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
