/**
 * The 绩效自评报告 as an officer opens it: `report` writes the .docx, LibreOffice renders it to PDF and
 * pdftotext reads the PDF back, so these tests see what is printed, not what the model meant to print.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildZengcheng2023IndexSystem } from '../../examples/workbooks/zengcheng-2023-index-system';
import type { Report } from '../../src/core/report/report';
import { OUTLINE_HEADINGS } from '../../src/core/selfReport/buildSelfReport';
import { projectFacts } from '../../src/core/selfReport/projectFacts';
import { runCli } from '../cli/runCli';
import { snapshotOf, toBytes } from '../e2e/scoreWorkbook';
import { docxToPdfText } from '../support/docxText';
import { plantedLedger } from '../support/plantedLedger';

const KUNMING = join(__dirname, '..', '..', 'examples', 'kunming-2019-self-evaluation.xlsx');

interface Rendered {
  /** pdftotext's reading-order text. */
  text: string;
  /** The same text without whitespace: a sentence wrapped across lines reads whole. */
  compact: string;
  /** pdftotext -layout: a table row on one line. */
  layout: string;
  /** The JSON report `score --json` writes for the same workbook and options. */
  json: Report;
  /** Numbers the workbook's header cells (项目名称 …) put into the text; they are not scores. */
  projectNumbers: number[];
  pdf: Uint8Array;
}

let dir: string;
const rendered: Record<'zengcheng' | 'kunming', Rendered> = {} as never;

/** Numbers as written in text: `1,000.00`, `98.44%`, `3,000`. */
const NUMBER = /\d[\d,]*(?:\.\d+)?%?/g;
const numbersIn = (text: string): number[] => (text.normalize('NFKC').match(NUMBER) ?? []).map((n) => Number(n.replace(/[,%]/g, '')));

async function render(name: 'zengcheng' | 'kunming', workbook: string, options: string[]): Promise<{ docx: Uint8Array; json: Report; projectNumbers: number[] }> {
  const out = join(dir, `${name}-自评报告.docx`);
  const jsonFile = join(dir, `${name}.json`);
  const report = await runCli(['report', workbook, '--out', out, ...options]);
  expect(report).toMatchObject({ code: 0, err: '' });
  expect(report.out).toContain('已写出绩效自评报告草稿');
  expect((await runCli(['score', workbook, '--json', jsonFile, '--quiet', ...options])).code).toBe(0);
  const facts = projectFacts(await snapshotOf(new Uint8Array(await readFile(workbook))));
  return {
    docx: new Uint8Array(await readFile(out)),
    json: JSON.parse(await readFile(jsonFile, 'utf8')) as Report,
    projectNumbers: numbersIn([facts.name, facts.department, facts.implementer].join(' ')),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-report-'));
  const zengchengXlsx = join(dir, 'zengcheng-2023.xlsx');
  await writeFile(zengchengXlsx, await toBytes(buildZengcheng2023IndexSystem({ ledger: plantedLedger().rows })));
  const z = await render('zengcheng', zengchengXlsx, ['--rules', 'gz-zengcheng-2023']);
  const k = await render('kunming', KUNMING, []);
  const [zt, kt] = await docxToPdfText([
    { name: 'zengcheng.docx', bytes: z.docx },
    { name: 'kunming.docx', bytes: k.docx },
  ]);
  for (const [name, r, t] of [['zengcheng', z, zt], ['kunming', k, kt]] as const) {
    rendered[name] = { text: t.text, compact: t.text.replace(/\s+/g, ''), layout: t.layout, json: r.json, projectNumbers: r.projectNumbers, pdf: t.pdf };
  }
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function inOrder(compact: string, parts: readonly string[]): number[] {
  return parts.map((p) => compact.indexOf(p));
}

describe('the 增城 2023 report (seed 001, planted ledger, gz-zengcheng-2023) as printed', () => {
  test('has the eight 提纲 headings in order on A4 pages', () => {
    const { compact, pdf } = rendered.zengcheng;
    const at = inOrder(compact, OUTLINE_HEADINGS);
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // A4 portrait: 595 × 842 points in the PDF's page box.
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]/);
  });

  test('prints 预算执行率 98.44%, 综合得分 90 分, 等级 优 and the 评价情况总表 投入 16/14, 过程 24/21, 产出 30/28, 效益 30/27', () => {
    const { compact, layout } = rendered.zengcheng;
    expect(compact).toContain('预算执行率98.44%');
    expect(compact).toContain('综合得分90分，评价等级为“优”');
    // 评价情况总表, row by row: 一级指标, 分值, 得分, 得分率.
    const table = layout.slice(layout.indexOf('评价情况总表'), layout.indexOf('评分表', layout.indexOf('评价情况总表') + 6));
    const rows = table.split('\n').map((l) => l.trim().split(/\s+/)).filter((cells) => cells.length === 4);
    expect(rows).toEqual([
      ['一级指标', '分值', '得分', '得分率'],
      ['投入', '16', '14', '87.50%'],
      ['过程', '24', '21', '87.50%'],
      ['产出', '30', '28', '93.33%'],
      ['效益', '30', '27', '90.00%'],
      ['合计', '100', '90', '90.00%'],
    ]);
  });

  test('names the 1,000 元 紧急救助 below the 2,000–5,000 元 standard in 存在的问题', () => {
    const { compact } = rendered.zengcheng;
    const problems = compact.slice(compact.indexOf('六、存在的问题及原因分析'), compact.indexOf('七、有关建议'));
    expect(problems).toContain('“发放明细”中1笔紧急救助1,000.00元低于2,000–5,000元标准（第3行）');
    expect(problems).toContain('缺少审核日期');
  });
});

describe('the 昆明 2019 report (seed 002) as printed', () => {
  test('prints 97.54 分 against the self-reported 100', () => {
    const { compact } = rendered.kunming;
    expect(compact).toContain('综合得分97.54分，评价等级为“优”');
    expect(compact).toContain('单位自评总得分100分，比按实际完成值计算的97.54分高2.46分');
  });

  test('analyses each of the six short indicators with the officer\'s explanation', () => {
    const { compact, json } = rendered.kunming;
    const analysis = compact.slice(compact.indexOf('四、绩效评价指标分析'), compact.indexOf('五、主要经验及做法'));
    const short = json.indicators.filter((i) => i.status === 'short');
    expect(short).toHaveLength(6);
    for (const i of short) {
      expect(analysis).toContain(`${i.level2}“${i.name}”`);
      expect(analysis).toContain(`偏差原因：${i.explanation.replace(/\s+/g, '')}`);
    }
    expect(analysis).toContain('数量指标“节日送温暖慰问”实际完成3,000人，年度指标3,100人，完成率96.77%，得分4.84分（分值5分）');
  });
});

/**
 * Every figure the JSON report holds, in the forms the report prints it: as is, as a percentage, in 万元;
 * and the counts the report states (indicators per 一级指标, findings per rule, rows).
 */
function figuresOf(json: Report): number[] {
  const out: number[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'number') out.push(v, v * 100, v / 10000);
    else if (typeof v === 'string') out.push(...numbersIn(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(json);
  const { indicators, findings, summary } = json;
  const weights = summary.reduce((s, x) => s + x.weight, 0);
  if (json.total !== null) out.push(weights, (json.total / weights) * 100);
  if (json.total !== null && json.selfReportedTotal !== null) out.push(json.selfReportedTotal - json.total);
  for (const i of indicators) if (i.weight !== null) out.push(i.weight - i.score);
  const counts = (items: unknown[], key: (x: never) => string) => {
    const m = new Map<string, number>();
    for (const x of items) m.set(key(x as never), (m.get(key(x as never)) ?? 0) + 1);
    out.push(...m.values(), items.length);
  };
  counts(indicators, (i: Report['indicators'][number]) => i.level1);
  counts(indicators.filter((i) => i.status === 'short'), (i: Report['indicators'][number]) => i.level1);
  counts(indicators.filter((i) => i.score >= (i.weight ?? 0)), (i: Report['indicators'][number]) => i.level1);
  counts(indicators.filter((i) => i.target.trim() !== ''), () => '');
  counts(indicators.filter((i) => i.selfScore !== null && i.computedScore !== null && i.selfScore > i.computedScore), () => '');
  counts(findings, (f: Report['findings'][number]) => `${f.rule}\u0000${f.allowed}`);
  counts(findings.filter((f) => f.row > 0 && json.mapping.some((m) => m.role === 'ledger' && m.sheet === f.sheet)), () => '');
  return out;
}

describe.each(['zengcheng', 'kunming'] as const)('every number printed in the %s report', (name) => {
  test('is a figure of the JSON report (or of the project name), in the form the report writes it', () => {
    const { text, json, projectNumbers } = rendered[name];
    const known = [...figuresOf(json), ...projectNumbers];
    const isKnown = (n: number) => known.some((k) => Math.abs(k - n) < 0.005 + 1e-9);
    const unknown: string[] = [];
    for (const rawLine of text.split('\n')) {
      // Not figures: list numbers (1. …), table captions (表 2), the page number in the footer (— 3 —).
      const line = rawLine.replace(/^\s*\d+\.\s/, '').replace(/表\s*\d+/g, '').replace(/—\s*\d+\s*—/g, '');
      for (const n of numbersIn(line)) if (!isKnown(n)) unknown.push(`${n} in “${rawLine.trim()}”`);
    }
    expect(unknown).toEqual([]);
    // And the headline figures are the JSON's own, formatted as the report writes them.
    const { compact, layout } = rendered[name];
    expect(compact).toContain(`综合得分${json.total}分`);
    expect(compact).toContain(`预算执行率${(json.budget!.executionRate! * 100).toFixed(2)}%`);
    for (const s of json.summary) {
      expect(layout).toMatch(new RegExp(`^\\s*${s.factor}\\s+${s.weight}\\s+${s.score}\\s+${(s.rate! * 100).toFixed(2)}%\\s*$`, 'm'));
    }
  });
});
