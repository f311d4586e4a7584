/** Test helper: runs the command line in-process (`main([...])`) and captures what it prints. */
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** What `packs` lists, as the usage errors name them. */
export const PACK_LIST =
  '可用规则包：gz-songwennuan、gz-zengcheng-2023、km-songwennuan-2019、km-wuhua-2023、yn-songwennuan、common-data-quality（说明见 npm run --silent cli -- packs）。';

/** A Node or library stack line, which a user must never see. */
export const STACK_LINE = /\bat .*:\d+:\d+/;
