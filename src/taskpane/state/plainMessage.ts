/**
 * An exception as one plain line for a MessageBar: its message's first line, never a stack trace.
 */
export function plainMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  const line = raw.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? '';
  const text = line === '' ? (e instanceof Error ? e.name : '未知错误') : line;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
