/**
 * How long the command line takes to start (issue 13 item 4), measured side by side in one run: a bare
 * `node -e 0`, `packs` from the bundle `npm ci` builds (dist-cli/jixiao.mjs, no npm), the same through
 * `npm run --silent cli`, and the sources through tsx as before the bundle. For most real workbooks (the
 * 增城 ledger has 272 rows) start-up is most of the wait. Median of `--runs` (default 9) cold processes.
 *
 *   npx tsx bench/cliStart.ts [--runs 9] [--write]     --write replaces BENCHMARKS.md's "CLI start" section
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeSection } from './benchmarksFile';

const ROOT = join(__dirname, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 9) || 9;
const write = args.includes('--write');

const COMMANDS: { label: string; cmd: string; argv: string[] }[] = [
  { label: '`node -e 0` (bare Node)', cmd: process.execPath, argv: ['-e', '0'] },
  { label: '`node dist-cli/jixiao.mjs packs` (the bundle)', cmd: process.execPath, argv: [join(ROOT, 'dist-cli', 'jixiao.mjs'), 'packs'] },
  { label: '`npm run --silent cli -- packs`', cmd: 'npm', argv: ['run', '--silent', 'cli', '--', 'packs'] },
  { label: '`npx tsx src/cli/bin.ts packs` (sources, as before)', cmd: 'npx', argv: ['tsx', join(ROOT, 'src', 'cli', 'bin.ts'), 'packs'] },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

execFileSync(process.execPath, [join(ROOT, 'scripts', 'buildCli.mjs')]);
const times = COMMANDS.map(() => [] as number[]);
// Interleaved, so a noisy moment of this shared machine falls on every command alike.
for (let i = 0; i < runs; i++) {
  COMMANDS.forEach((c, k) => {
    const t = process.hrtime.bigint();
    const r = spawnSync(c.cmd, c.argv, { cwd: ROOT, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${c.label} exited ${r.status}`);
    times[k].push(Number(process.hrtime.bigint() - t) / 1e6);
  });
}
const base = median(times[0]);
const lines = [
  '## CLI start',
  '',
  `Median of ${runs} cold processes each, interleaved, measured by \`npx tsx bench/cliStart.ts --write\` on ${new Date().toISOString().slice(0, 10)} ` +
    `(commit ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim()}). Target (issue 13): the bundle's \`packs\` within 2× of a bare \`node -e 0\`.`,
  '',
  '| command | median ms | × bare node |',
  '|---|---:|---:|',
  ...COMMANDS.map((c, k) => `| ${c.label} | ${median(times[k]).toFixed(0)} | ${(median(times[k]) / base).toFixed(2)} |`),
];
const section = lines.join('\n');
console.log(section);
if (write) writeSection('CLI start', section);
