/**
 * Builds the add-in's bundles with webpack's Node API (the same webpack.config.js `npm run build` uses)
 * and reads what ended up in each entry: its files and the source modules inside them.
 */
import { promises as fs } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack, { type Configuration } from 'webpack';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const ENTRIES = ['taskpane', 'commands', 'preview'] as const;
export type EntryName = (typeof ENTRIES)[number];

type ConfigFactory = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Configuration>;

export interface Build {
  outputPath: string;
  /** Per entry: the files its page loads (JS, in load order) and the source modules inside them. */
  entries: Record<EntryName, { files: string[]; modules: string[] }>;
  warnings: string[];
}

/** A module's source path relative to the repository, `/`-separated; concatenated modules give their parts. */
function sourcePaths(module: webpack.Module): string[] {
  const inner: unknown = Reflect.get(module, 'modules');
  if (Array.isArray(inner)) return inner.flatMap((m: webpack.Module) => sourcePaths(m));
  const resource = module.nameForCondition();
  return resource ? [relative(ROOT, resource).split(sep).join('/')] : [];
}

/**
 * Reads each entry from the compilation itself (the chunk graph), not from stats JSON: stats hide the
 * parts of concatenated modules unless told otherwise in half a dozen ways.
 */
function describeEntries(compilation: webpack.Compilation): Build['entries'] {
  const out = {} as Build['entries'];
  for (const entry of ENTRIES) {
    const point = compilation.entrypoints.get(entry);
    if (!point) throw new Error(`no entrypoint ${entry} in the build`);
    const modules = new Set<string>();
    for (const chunk of point.chunks) {
      for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) sourcePaths(module).forEach((p) => modules.add(p));
    }
    const files = point.getFiles().filter((f) => f.endsWith('.js'));
    out[entry] = { files, modules: [...modules].sort() };
  }
  return out;
}

/** A production build into `outputPath` (emptied first). Rejects on any compile error. */
export async function buildBundles(outputPath: string, mode: 'production' | 'development' = 'production'): Promise<Build> {
  // webpack.config.js is CommonJS; require keeps it out of tsc's view, the factory type is stated here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS, loaded as webpack loads it
  const makeConfig = require(join(ROOT, 'webpack.config.js')) as ConfigFactory;
  const config = await makeConfig({ outputPath }, { mode });
  const stats = await new Promise<webpack.Stats>((done, fail) => {
    webpack(config, (err, result) => {
      if (err) fail(err);
      else if (!result) fail(new Error('webpack returned no stats'));
      else done(result);
    });
  });
  const json = stats.toJson({ all: false, errors: true, warnings: true });
  if (stats.hasErrors()) {
    const messages = (json.errors ?? []).map((e) => e.message).join('\n\n');
    throw new Error(`webpack build failed:\n${messages}`);
  }
  return {
    outputPath,
    entries: describeEntries(stats.compilation),
    warnings: (json.warnings ?? []).map((w) => w.message),
  };
}

/** Modules that must never reach the Office bundles: ExcelJS and the xlsx host built on it. */
export function isXlsxOnly(modulePath: string): boolean {
  return /node_modules\/exceljs\//.test(modulePath) || /(^|\/)src\/hosts\/xlsx\//.test(modulePath);
}

export interface EntrySize {
  entry: EntryName;
  files: string[];
  raw: number;
  gzip: number;
}

/** Bytes each entry's page downloads: raw and gzip (level 9), summed over its JS files. */
export async function entrySizes(build: Build): Promise<EntrySize[]> {
  const out: EntrySize[] = [];
  for (const entry of ENTRIES) {
    const { files } = build.entries[entry];
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const bytes = await fs.readFile(join(build.outputPath, file));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    out.push({ entry, files, raw, gzip });
  }
  return out;
}
