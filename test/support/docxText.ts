/**
 * Test helper: what a reader of a .docx sees, as text — LibreOffice Writer renders it to PDF (one soffice
 * start for every document) and poppler's `pdftotext` reads the PDF back. Both are installed by .ci/run;
 * a missing one fails the test loudly rather than skipping it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertWithLibreOffice } from '../interop/libreoffice';

export const PDFTOTEXT_PATH = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => (error ? reject(new Error(`${file} ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout)));
  });
}

/** Each document's PDF (LibreOffice) and that PDF's text (pdftotext): in reading order, and laid out as printed. */
export async function docxToPdfText(documents: readonly { name: string; bytes: Uint8Array }[]): Promise<{ pdf: Uint8Array; text: string; layout: string }[]> {
  if (!existsSync(PDFTOTEXT_PATH)) {
    throw new Error(`pdftotext not found at ${PDFTOTEXT_PATH}: \`apt-get install -y --no-install-recommends poppler-utils\` (.ci/run does this), or set PDFTOTEXT_PATH.`);
  }
  const pdfs = await convertWithLibreOffice(documents, { to: 'pdf' });
  const work = await mkdtemp(join(tmpdir(), 'jixiao-pdftotext-'));
  try {
    const out: { pdf: Uint8Array; text: string; layout: string }[] = [];
    for (const [i, pdf] of pdfs.entries()) {
      const file = join(work, `${i}.pdf`);
      await writeFile(file, pdf);
      out.push({
        pdf,
        text: await run(PDFTOTEXT_PATH, ['-enc', 'UTF-8', file, '-']),
        // -layout keeps a table row on one line, its cells apart.
        layout: await run(PDFTOTEXT_PATH, ['-layout', '-enc', 'UTF-8', file, '-']),
      });
    }
    return out;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
