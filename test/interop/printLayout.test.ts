/**
 * The printed 绩效目标 and 异常清单 (issue 15, item 11), as LibreOffice renders the scored 昆明 sample to
 * PDF: A4 landscape, one page wide (every page carries the header row from 一级指标 to 偏差原因分析及改进措施,
 * repeated), page numbers in the footer, the signature line under the table, and no two words printed over
 * each other (row heights follow the wrapped text). Read with poppler-utils' pdfinfo and pdftotext; the
 * first page of 绩效目标 is saved as out/print/绩效目标-1.png for a person to look at.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SIGNATURE_LABELS } from '../../src/core/output/scoredSheet';
import { scoreWorkbook as runScore } from '../../src/app/scoreWorkbook';
import { PackageHost } from '../../src/hosts/package/packageHost';
import { scoreBytes } from '../e2e/scoreWorkbook';
import { convertWithLibreOffice } from './libreoffice';

const ROOT = resolve(__dirname, '..', '..');
const OUT = join(ROOT, 'out', 'print');
const KUNMING = join(ROOT, 'examples', 'kunming-2019-self-evaluation.xlsx');

/** Fails loudly, like the LibreOffice check: poppler-utils is installed by .ci/run. */
function requirePoppler(): void {
  for (const tool of ['pdfinfo', 'pdftotext', 'pdftoppm']) {
    if (!existsSync(`/usr/bin/${tool}`)) {
      throw new Error(`${tool} not found: the print test reads the PDF with poppler-utils (\`apt-get install -y --no-install-recommends poppler-utils\`; .ci/run does this).`);
    }
  }
}

interface PdfPage {
  number: number;
  width: number;
  height: number;
  text: string;
  words: { text: string; x0: number; y0: number; x1: number; y1: number }[];
}

function readPdf(file: string): PdfPage[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ number: Number(m[1]), width: Number(m[2]), height: Number(m[3]) }));
  const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = bbox.split('<page ').slice(1);
  return sizes.map((size, i) => {
    const words = [...(pages[i] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5],
    }));
    const text = execFileSync('pdftotext', ['-f', String(size.number), '-l', String(size.number), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    return { ...size, text, words };
  });
}

/** Pairs of words whose boxes cover each other by more than a quarter of the smaller one. */
function overlaps(page: PdfPage): string[] {
  const out: string[] = [];
  const w = page.words;
  for (let i = 0; i < w.length; i++) {
    for (let j = i + 1; j < w.length; j++) {
      const dx = Math.min(w[i].x1, w[j].x1) - Math.max(w[i].x0, w[j].x0);
      const dy = Math.min(w[i].y1, w[j].y1) - Math.max(w[i].y0, w[j].y0);
      if (dx <= 0 || dy <= 0) continue;
      const smaller = Math.min((w[i].x1 - w[i].x0) * (w[i].y1 - w[i].y0), (w[j].x1 - w[j].x0) * (w[j].y1 - w[j].y0));
      if (dx * dy > smaller / 4) out.push(`${w[i].text} × ${w[j].text}`);
    }
  }
  return out;
}

const landscapeA4 = (p: PdfPage) => Math.round(p.width) === 842 && Math.round(p.height) === 595;

/** The scored copy as each file host writes it: the browser preview's (ExcelJS) and the command line's (the package host). */
const HOSTS: [string, (bytes: Uint8Array) => Promise<Uint8Array>, string][] = [
  ['the ExcelJS host', async (bytes) => (await scoreBytes(bytes)).output, '绩效目标-1'],
  [
    'the package host (the command line)',
    async (bytes) => {
      const host = PackageHost.fromBuffer(bytes);
      const outcome = await runScore(host, {});
      if (outcome.status !== 'scored') throw new Error(outcome.status);
      return host.toBuffer();
    },
    '绩效目标-1-命令行',
  ],
];

describe.each(HOSTS)('the scored 昆明 sample written by %s, printed by LibreOffice', (_host, scoreWith, png) => {
  let work: string;
  let pages: PdfPage[];
  let scored: PdfPage[];
  let anomalies: PdfPage[];
  let output: Uint8Array;

  beforeAll(async () => {
    requirePoppler();
    work = await mkdtemp(join(tmpdir(), 'jixiao-print-'));
    output = await scoreWith(new Uint8Array(await readFile(KUNMING)));
    const [pdf] = await convertWithLibreOffice([{ name: 'kunming-scored.xlsx', bytes: output }], { to: 'pdf' });
    const file = join(work, 'kunming-scored.pdf');
    await writeFile(file, pdf);
    pages = readPdf(file);
    const start = pages.findIndex((p) => p.text.includes('项目支出绩效目标评分表'));
    const list = pages.findIndex((p) => p.text.includes('异常清单（共'));
    scored = pages.slice(start, list);
    anomalies = pages.slice(list);
    await mkdir(OUT, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(scored[0].number), '-l', String(scored[0].number), '-singlefile', file, join(OUT, png)]);
  }, 180_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('绩效目标 prints on two A4 landscape pages, one page wide: each carries the header row from 一级指标 to 偏差原因分析及改进措施', () => {
    expect(scored).toHaveLength(2);
    for (const p of scored) {
      expect({ page: p.number, landscape: landscapeA4(p) }).toEqual({ page: p.number, landscape: true });
      expect({ page: p.number, first: p.text.includes('一级指标'), last: p.text.includes('偏差原因分析及改进措施') }).toEqual({ page: p.number, first: true, last: true });
      expect(p.text).toMatch(new RegExp(`第${p.number}页，共${pages.length}页`));
    }
  });

  test('the signature line of the 自评表 is under the table, on 绩效目标’s last page', () => {
    const last = scored[scored.length - 1].text;
    // Each label as printed before the blank left for the signature (the date's 年 月 日 are spaced apart).
    for (const label of SIGNATURE_LABELS) expect(last).toContain(label.split(/\s/)[0]);
  });

  test('异常清单 prints on one A4 landscape page with its column headers', () => {
    expect(anomalies).toHaveLength(1);
    expect(landscapeA4(anomalies[0])).toBe(true);
    expect(anomalies[0].text).toContain('级别规则工作表单元格填报标准说明规则编号');
  });

  test('no two words are printed over each other on any page of either sheet', () => {
    for (const p of [...scored, ...anomalies]) expect({ page: p.number, overlaps: overlaps(p) }).toEqual({ page: p.number, overlaps: [] });
  });

  test('the written file says so itself: A4 landscape, fit to one page wide, the header row repeated, the page footer', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(output.buffer.slice(output.byteOffset, output.byteOffset + output.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('绩效目标')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?\d+:\$?\d+$/);
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    // The 偏差原因 of 节日送温暖慰问 wraps over two lines: its row is taller than Excel's default.
    const row = ws.getColumn(10).values.findIndex((v) => typeof v === 'string' && v.startsWith('送温暖人数根据大病救助'));
    expect(ws.getRow(row).height).toBeGreaterThan(15);
  });
});
