/**
 * Bundles the command line into dist-cli (issue 13 item 4): `node dist-cli/jixiao.mjs packs` starts from
 * a few files instead of tsx compiling hundreds of modules on every run. ES modules with code splitting,
 * so the workbook code (ExcelJS, JSZip) is a chunk loaded only by the commands that read or write a
 * workbook (`score`, `clear`, `template`); `packs` and `--help` never load it. Run by `npm ci` (prepare),
 * `npm run build`, and `npm run demo`; it takes well under a second.
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Not under dist/, which the add-in's webpack build empties. A test builds into a folder of its own.
const outdir = process.argv[2] ?? join(root, 'dist-cli');

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { jixiao: join(root, 'src', 'cli', 'bin.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  // ExcelJS and its dependencies are CommonJS and `require` Node's modules; an ES module has no
  // `require` of its own, so every output file gets one.
  banner: { js: "import { createRequire as __jixiaoRequire } from 'node:module'; const require = __jixiaoRequire(import.meta.url);" },
  legalComments: 'linked',
  logLevel: 'warning',
});
