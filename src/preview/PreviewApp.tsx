/**
 * The browser preview: the task pane (the same `App` Excel shows) on an in-page xlsx host, beside a view
 * of the workbook. A sample opens first; the user can switch samples, open their own .xlsx and download
 * the scored copy. Nothing leaves the page: the file is read with the File API and the copy is a blob.
 */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { Locale } from '../i18n/messages';
import { workerRunner } from '../app/workerRunner';
import { App } from '../taskpane/App';
import { DOCX_MIME, downloadFile, XLSX_MIME } from '../taskpane/downloadFile';
import { PreviewHost, scoredFileName } from './previewHost';
import { DEFAULT_SAMPLE, SAMPLES, openSample, type Sample } from './samples';
import { SheetViewer } from './SheetViewer';
import { previewStrings } from './strings';

/** One pipeline worker for the page, as the task pane in Excel has. */
const runner = workerRunner();

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  page: {
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    height: '100vh',
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', flexDirection: 'column', marginInlineEnd: 'auto' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  field: { display: 'flex', flexDirection: 'column', rowGap: '2px', fontSize: tokens.fontSizeBase200 },
  hiddenInput: { display: 'none' },
  body: { display: 'grid', gridTemplateColumns: 'minmax(320px, 380px) 1fr', minHeight: 0 },
  pane: {
    overflowY: 'auto',
    minHeight: 0,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  viewer: { minHeight: 0, minWidth: 0 },
  status: { padding: tokens.spacingHorizontalL },
  // Reader errors can carry a long URL (JSZip's); wrap it instead of widening the pane.
  error: { margin: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
});

interface OpenWorkbook {
  host: PreviewHost;
  /** The sample it came from, or null for the user's own file. */
  sample: Sample | null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function PreviewApp({ initialLocale = 'zh-CN' }: { initialLocale?: Locale }) {
  const c = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const strings = previewStrings(locale);
  const [open, setOpen] = useState<OpenWorkbook | null>(null);
  const [loading, setLoading] = useState<string | null>(DEFAULT_SAMPLE.file);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const sampleId = useId();
  const languageId = useId();
  /** Ignores a slow open that a newer one has overtaken. */
  const openSeq = useRef(0);

  const load = useCallback(async (name: string, make: () => Promise<OpenWorkbook>) => {
    const seq = ++openSeq.current;
    setLoading(name);
    setError(null);
    try {
      const next = await make();
      if (seq === openSeq.current) setOpen(next);
    } catch (e) {
      if (seq === openSeq.current) setError(previewStrings(locale).openFailed(name, describe(e)));
    } finally {
      if (seq === openSeq.current) setLoading(null);
    }
  }, [locale]);

  useEffect(() => {
    void load(DEFAULT_SAMPLE.file, async () => ({ host: await openSample(DEFAULT_SAMPLE), sample: DEFAULT_SAMPLE }));
    // Once, on first render: `load` changes with the locale, and a new locale must not reload the sample.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const chooseSample = (id: string) => {
    const sample = SAMPLES.find((s) => s.id === id);
    if (sample) void load(sample.file, async () => ({ host: await openSample(sample), sample }));
  };

  const chooseFile = (file: File | undefined) => {
    if (!file) return;
    void load(file.name, async () => ({ host: await PreviewHost.fromBuffer(await file.arrayBuffer(), file.name), sample: null }));
  };

  const host = open?.host;
  // The copy is worth downloading once the pane has written something (评分, 清除标记, 插入模板).
  const subscribe = useCallback((notify: () => void) => (host ? host.subscribe(notify) : () => undefined), [host]);
  const changed = useSyncExternalStore(subscribe, () => (host ? host.version > 0 : false));
  const download = async () => {
    if (!host) return;
    try {
      downloadFile(await host.toBuffer(), scoredFileName(host.fileName), XLSX_MIME);
    } catch (e) {
      setError(describe(e));
    }
  };

  const downloadButton = (
    <Button appearance="primary" size="small" disabled={!changed} title={strings.downloadHint} onClick={() => void download()}>
      {strings.download}
    </Button>
  );
  // The pane's 生成报告 writes the 自评报告（草稿） sheet; here the page can also hand over the .docx.
  const saveReport = useCallback((bytes: Uint8Array, fileName: string) => downloadFile(bytes, fileName, DOCX_MIME), []);

  return (
    <FluentProvider theme={webLightTheme} lang={locale} className={c.page}>
      <header className={c.toolbar}>
        <div className={c.brand}>
          <h1 className={c.title}>{strings.pageTitle}</h1>
          <span className={c.note}>{strings.pageNote}</span>
        </div>
        <div className={c.field}>
          <label htmlFor={sampleId}>{strings.sampleLabel}</label>
          <Select
            id={sampleId}
            size="small"
            value={open?.sample?.id ?? ''}
            onChange={(_, data) => chooseSample(data.value)}
          >
            {open && !open.sample ? <option value="">{strings.ownFile}</option> : null}
            {SAMPLES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label[locale]}
              </option>
            ))}
          </Select>
        </div>
        <div className={c.field}>
          <input
            ref={fileInput}
            className={c.hiddenInput}
            type="file"
            accept={XLSX_TYPES}
            aria-label={strings.openFileHint}
            data-testid="open-file"
            onChange={(e) => {
              chooseFile(e.currentTarget.files?.[0]);
              // Choosing the same file again should open it again.
              e.currentTarget.value = '';
            }}
          />
          <Button size="small" onClick={() => fileInput.current?.click()} title={strings.openFileHint}>
            {strings.openFile}
          </Button>
        </div>
        <div className={c.field}>
          <label htmlFor={languageId}>{strings.languageLabel}</label>
          <Select id={languageId} size="small" value={locale} onChange={(_, data) => setLocale(data.value === 'en-US' ? 'en-US' : 'zh-CN')}>
            <option value="zh-CN">中文</option>
            <option value="en-US">English</option>
          </Select>
        </div>
      </header>
      <div className={c.body}>
        <div className={c.pane}>
          {error ? (
            <MessageBar intent="error" layout="multiline" className={c.error}>
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          ) : null}
          {loading ? <Spinner className={c.status} size="small" label={strings.loading(loading)} /> : null}
          {host ? <App key={hostKey(host)} host={host} locale={locale} extraActions={downloadButton} runner={runner} saveReport={saveReport} workbookName={host.fileName} /> : null}
        </div>
        <div className={c.viewer}>{host ? <SheetViewer key={hostKey(host)} host={host} strings={strings} /> : null}</div>
      </div>
    </FluentProvider>
  );
}

/** A stable React key per opened workbook: a new host is a new workbook, and the pane starts over. */
const hostKeys = new WeakMap<PreviewHost, number>();
let nextHostKey = 0;
function hostKey(host: PreviewHost): number {
  let key = hostKeys.get(host);
  if (key === undefined) {
    key = ++nextHostKey;
    hostKeys.set(host, key);
  }
  return key;
}
