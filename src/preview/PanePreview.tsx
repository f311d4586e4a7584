/**
 * The pane alone, as Excel shows it in its task-pane frame (`preview.html?view=pane`): the width of the
 * window, light or dark (`&theme=dark`), one sample (`&sample=zengcheng-2023`) or a file the page is
 * given through its hidden file input; `&rules=none` opens a sample with no pack chosen. The browser tests drive this at 350 × 900. Where the pane puts
 * Excel's cursor is kept on `<html data-selected="发放明细!G10">`, as the name box would show it.
 */
import { useEffect, useState } from 'react';
import type { Locale } from '../i18n/messages';
import { workerRunner } from '../app/workerRunner';
import { App } from '../taskpane/App';
import { PreviewHost } from './previewHost';
import { DEFAULT_SAMPLE, SAMPLES, openSample } from './samples';

export interface PanePreviewProps {
  locale: Locale;
  dark: boolean;
  sampleId: string | null;
  /** False (`&rules=none`): the sample opens with no rule pack remembered, as before the first run. */
  rememberRules?: boolean;
}

/** One pipeline worker for the page, as the task pane in Excel has. */
const runner = workerRunner();

export function PanePreview({ locale, dark, sampleId, rememberRules = true }: PanePreviewProps) {
  const [opened, setOpened] = useState<{ host: PreviewHost; n: number } | null>(null);
  const host = opened?.host ?? null;
  // A new workbook is a new pane (its key), as when Excel opens another file.
  const setHost = (h: PreviewHost) => setOpened((o) => ({ host: h, n: (o?.n ?? 0) + 1 }));
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const sample = SAMPLES.find((s) => s.id === sampleId) ?? DEFAULT_SAMPLE;
    openSample(sample, rememberRules).then(setHost, (e: unknown) => setFailure(String(e)));
    // Once per sample: the page's address does not change under it.
  }, [sampleId, rememberRules]);

  useEffect(() => {
    if (!host) return;
    return host.subscribe((event) => {
      const at = event.kind === 'selected' ? event : event.select;
      if (at) document.documentElement.dataset.selected = `${at.sheet}!${at.cell}`;
    });
  }, [host]);

  useEffect(() => {
    // The frame itself follows the theme, as Excel's does.
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setHost(await PreviewHost.fromBuffer(await file.arrayBuffer(), file.name));
  };

  return (
    <>
      <input
        type="file"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="open-file"
        onChange={(e) => void open(e.currentTarget.files?.[0])}
      />
      {failure ? <p role="alert">{failure}</p> : null}
      {host ? <App key={opened!.n} host={host} locale={locale} dark={dark} runner={runner} /> : null}
    </>
  );
}
