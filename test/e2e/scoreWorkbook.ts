/** Test helper: runs the whole pipeline on an ExcelJS workbook through the xlsx host, in memory. */
import type ExcelJS from 'exceljs';
import { runPipeline, type PipelineOptions } from '../../src/core/pipeline';
import type { Report } from '../../src/core/report/report';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf: unknown = await wb.xlsx.writeBuffer();
  return buf as Uint8Array;
}

export interface Scored {
  report: Report;
  input: WorkbookSnapshot;
  output: Uint8Array;
}

export async function scoreBytes(bytes: Uint8Array, options: PipelineOptions = {}): Promise<Scored> {
  const host = await XlsxHost.fromBuffer(bytes);
  const input = await host.read();
  const { report, patch } = runPipeline(input, options);
  await host.apply(patch);
  return { report, input, output: await host.toBuffer() };
}

export async function scoreWorkbook(wb: ExcelJS.Workbook, options: PipelineOptions = {}): Promise<Scored> {
  return scoreBytes(await toBytes(wb), options);
}

export async function snapshotOf(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return (await XlsxHost.fromBuffer(bytes)).read();
}
