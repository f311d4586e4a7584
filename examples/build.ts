/**
 * Writes every sample workbook to `examples/*.xlsx` and the reject fixtures to `test/fixtures/`.
 * Run with `npx tsx examples/build.ts` (or `npm run examples`). The builders are pure; this is the only
 * place that touches the file system.
 */
import type ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import path from 'path';
import { writeFixtures } from '../test/fixtures/build';
import {
  buildKunming2019SelfEvaluation,
  buildKunming2019SubtotalRows,
} from './workbooks/kunming-2019-self-evaluation';
import { buildWuhua2023SeparateSheets } from './workbooks/wuhua-2023-separate-sheets';
import { buildZengcheng2023IndexSystem } from './workbooks/zengcheng-2023-index-system';
import { withFixedZipTimestamps } from './support/stableZip';

export const EXAMPLES: readonly { file: string; build: () => ExcelJS.Workbook }[] = [
  { file: 'kunming-2019-self-evaluation.xlsx', build: () => buildKunming2019SelfEvaluation() },
  { file: 'kunming-2019-subtotal-rows.xlsx', build: () => buildKunming2019SubtotalRows() },
  { file: 'zengcheng-2023-index-system.xlsx', build: () => buildZengcheng2023IndexSystem() },
  { file: 'wuhua-2023-separate-sheets.xlsx', build: () => buildWuhua2023SeparateSheets() },
];

async function main(): Promise<void> {
  for (const example of EXAMPLES) {
    const out = path.join(__dirname, example.file);
    const bytes = await example.build().xlsx.writeBuffer();
    await fs.writeFile(out, withFixedZipTimestamps(new Uint8Array(bytes)));
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  }
  const fixtures = await writeFixtures(path.join(__dirname, '..', 'test', 'fixtures'));
  for (const f of fixtures) console.log(`wrote ${path.relative(process.cwd(), f)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
