/**
 * What the pane tests share: a real xlsx host on a sample workbook, a host wrapper whose read and apply
 * can be held open (to see a stage, or to cancel during it), and rendering the pane on a host.
 */
import { readFile } from 'node:fs/promises';
import { render, screen, waitFor } from '@testing-library/react';
import type { ReadOptions, WorkbookHost } from '../../src/core/host';
import type { Patch } from '../../src/core/patch';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { App, type AppProps } from '../../src/taskpane/App';

export const KUNMING = 'examples/kunming-2019-self-evaluation.xlsx';
export const WUHUA = 'examples/wuhua-2023-separate-sheets.xlsx';
export const ZENGCHENG = 'examples/zengcheng-2023-index-system.xlsx';

const files = new Map<string, Buffer>();

export async function openSample(path: string): Promise<XlsxHost> {
  let bytes = files.get(path);
  if (!bytes) {
    bytes = await readFile(path);
    files.set(path, bytes);
  }
  return XlsxHost.fromBuffer(bytes);
}

export function sheetNames(host: XlsxHost): string[] {
  return host.workbook.worksheets.map((w) => w.name);
}

interface Gate {
  promise: Promise<void>;
  open: () => void;
}

function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Delegates to a real host; `holdRead`/`holdApply` make the next read or apply wait until released. */
export class HeldHost implements WorkbookHost {
  readonly reads: number[] = [];
  readonly applied: Patch[] = [];
  readonly selected: { sheet: string; cell: string }[] = [];
  private readGate: Gate | null = null;
  private applyGate: Gate | null = null;

  constructor(readonly inner: XlsxHost) {}

  holdRead(): () => void {
    const g = gate();
    this.readGate = g;
    return g.open;
  }

  holdApply(): () => void {
    const g = gate();
    this.applyGate = g;
    return g.open;
  }

  async read(options?: ReadOptions): Promise<WorkbookSnapshot> {
    this.reads.push(Date.now());
    // Read first (progress reaches the pane), then wait: the pane sits in 读取 with its sheet count shown.
    const snapshot = await this.inner.read({ onProgress: options?.onProgress });
    const g = this.readGate;
    if (g) {
      this.readGate = null;
      await g.promise;
    }
    if (options?.signal?.aborted) throw Object.assign(new Error('已取消读取'), { name: 'AbortError' });
    return snapshot;
  }

  async apply(patch: Patch): Promise<void> {
    const g = this.applyGate;
    if (g) {
      this.applyGate = null;
      await g.promise;
    }
    this.applied.push(patch);
    await this.inner.apply(patch);
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.selected.push({ sheet, cell });
    await this.inner.select(sheet, cell);
  }
}

/** Renders the pane and waits until its first 识别表格 has listed the workbook's tables. */
export async function renderPane(props: AppProps) {
  const result = render(<App {...props} />);
  await waitFor(() => expect(screen.getAllByTestId('detected-table').length).toBeGreaterThan(0));
  return result;
}

/** 规则与方案 is folded to one line; the officer opens it to tick a pack or choose a scheme. */
export async function openRules(user: { click: (e: Element) => Promise<void> }): Promise<void> {
  const header = screen.getByRole('button', { name: /规则与方案|Rules and scheme/ });
  if (header.getAttribute('aria-expanded') !== 'true') await user.click(header);
}

/** Waits for a finished run's results (the total, or the ledger-only note). */
export async function findResults(): Promise<HTMLElement> {
  return screen.findByTestId('results', {}, { timeout: 10000 });
}
