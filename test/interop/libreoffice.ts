/**
 * LibreOffice headless as a test tool: re-saves workbooks the way an officer's LibreOffice Calc does, so
 * the tests can check that a file written by a real office application reads like the original.
 *
 * Debian's `libreoffice-calc` (installed by .ci/run with --no-install-recommends) is enough; no Java, no
 * GUI. Every call uses a fresh, throw-away user profile (`-env:UserInstallation`), so it neither reuses
 * nor blocks on another running soffice, and converts all its files in ONE soffice start (a start costs
 * seconds).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE_PATH = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

export class LibreOfficeMissingError extends Error {
  override readonly name = 'LibreOfficeMissingError';
}

/** Fails loudly: an interop test that cannot find LibreOffice must not pass by being skipped. */
export function requireSoffice(): string {
  if (!existsSync(SOFFICE_PATH)) {
    throw new LibreOfficeMissingError(
      `LibreOffice not found at ${SOFFICE_PATH}. The interop tests re-save workbooks with LibreOffice Calc: ` +
        '`apt-get install -y --no-install-recommends libreoffice-calc` (.ci/run does this), or set SOFFICE_PATH.',
    );
  }
  return SOFFICE_PATH;
}

/** A workbook to convert: a path on disk, or bytes with an optional name (its extension tells the format). */
export type ConvertInput = string | Uint8Array | { name: string; bytes: Uint8Array };

export interface ConvertOptions {
  /** Target format as soffice's --convert-to takes it: `xlsx` (default), `ods`, `xls` … */
  to?: string;
  /** Milliseconds before soffice is killed; default 120 s. */
  timeoutMs?: number;
}

/**
 * Converts every input with one soffice run and returns the converted bytes, in the inputs' order.
 * Throws with soffice's own output when it fails or leaves any file unconverted.
 */
export async function convertWithLibreOffice(inputs: readonly ConvertInput[], options: ConvertOptions = {}): Promise<Uint8Array[]> {
  const soffice = requireSoffice();
  const to = options.to ?? 'xlsx';
  const work = await mkdtemp(join(tmpdir(), 'jixiao-soffice-'));
  try {
    const inDir = join(work, 'in');
    const outDir = join(work, 'out');
    await mkdir(inDir);
    await mkdir(outDir);
    // Each input gets its own numbered name, so two inputs of the same name cannot overwrite each other.
    const names: string[] = [];
    const files: string[] = [];
    for (const [i, input] of inputs.entries()) {
      const source = typeof input === 'string' ? basename(input) : input instanceof Uint8Array ? 'workbook.xlsx' : input.name;
      const ext = extname(source) || '.xlsx';
      const stem = `${String(i).padStart(3, '0')}-${basename(source, extname(source)).replace(/[^\w.-]+/g, '_') || 'workbook'}`;
      const bytes = typeof input === 'string' ? await readFile(input) : input instanceof Uint8Array ? input : input.bytes;
      files.push(join(inDir, stem + ext));
      await writeFile(files[i], bytes);
      names.push(stem);
    }
    if (names.length === 0) return [];
    const args = [
      '--headless',
      '--norestore',
      '--nologo',
      '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--convert-to',
      to,
      '--outdir',
      outDir,
      ...files,
    ];
    const run = await new Promise<{ code: number | string | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        soffice,
        args,
        { timeout: options.timeoutMs ?? 120_000, env: { ...process.env, HOME: work }, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => resolve({ code: error ? (error.code ?? error.signal ?? 1) : 0, stdout, stderr }),
      );
    });
    const outExt = `.${to.split(':')[0]}`;
    const out: Uint8Array[] = [];
    for (const n of names) {
      const file = join(outDir, n + outExt);
      if (!existsSync(file)) {
        throw new Error(
          `LibreOffice did not convert ${n} to ${to} (exit ${String(run.code)}).\n` +
            `${soffice} ${args.join(' ')}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`,
        );
      }
      out.push(new Uint8Array(await readFile(file)));
    }
    return out;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
