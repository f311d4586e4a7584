/**
 * The command line as users run it (issue 13 item 4): the bundle `npm ci` builds (scripts/buildCli.mjs),
 * started by plain node. It gives the same answers as the sources, and `packs` never loads the workbook
 * code: the chunks holding ExcelJS are imported only by the commands that read or write a workbook.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-bundle-'));
  await run(process.execPath, [join(ROOT, 'scripts', 'buildCli.mjs'), join(dir, 'cli')]);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(dir, 'cli', 'jixiao.mjs'), ...args], { cwd: ROOT });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

/** Files a module imports statically, transitively: what loading it loads before any command runs. */
async function staticClosure(file: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = await readFile(join(dir, 'cli', file), 'utf8');
  for (const m of text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["'](\.\/[^"']+)["'];?$/gm)) {
    await staticClosure(join(file, '..', m[1]).replace(/^\.\//, ''), seen);
  }
  return seen;
}

test('scores the 昆明 sample to 97.54 优 and refuses a broken file with one Chinese line, exit 2', async () => {
  const scored = await cli(['score', 'examples/kunming-2019-self-evaluation.xlsx', '--out', join(dir, 'k.xlsx')]);
  expect(scored.code).toBe(0);
  expect(scored.out).toContain('总得分：97.54');
  expect(scored.out).toContain('评价等级：优');
  const junk = await cli(['score', 'test/fixtures/junk.xlsx']);
  expect(junk.code).toBe(2);
  expect(junk.err.trim().split('\n')).toHaveLength(1);
  expect(junk.err).toMatch(/^无法评分：在工作表 “Sheet1”/);
});

test('packs lists the packs without loading ExcelJS: the entry imports no chunk that holds it', async () => {
  const packs = await cli(['packs']);
  expect(packs.code).toBe(0);
  expect(packs.out).toContain('gz-zengcheng-2023');
  const loaded = await staticClosure('jixiao.mjs');
  // The entry does load shared chunks (the core, commander): the closure is really followed.
  expect([...loaded].filter((f) => f.startsWith('chunks/')).length).toBeGreaterThan(0);
  const chunks = (await readdir(join(dir, 'cli', 'chunks'))).filter((f) => f.endsWith('.mjs'));
  const withExcelJs: string[] = [];
  for (const f of chunks) if ((await readFile(join(dir, 'cli', 'chunks', f), 'utf8')).includes('node_modules/exceljs/')) withExcelJs.push(`chunks/${f}`);
  expect(withExcelJs.length).toBeGreaterThan(0);
  for (const f of withExcelJs) expect(loaded).not.toContain(f);
});
