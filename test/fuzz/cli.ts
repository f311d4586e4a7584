/** Runs the command line in this process (`main([...])` from src/cli/main.ts) and captures its output. */
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** An exception that escaped main(), or an unhandled rejection while it ran. */
  threw?: string;
}

let unhandled: string[] = [];
process.on('unhandledRejection', (e) => unhandled.push(`unhandled rejection: ${e instanceof Error ? e.message : String(e)}`));

export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write;
  const err = process.stderr.write;
  // console.warn and console.error go through process.stderr.write too, so library warnings are caught.
  process.stdout.write = ((s: string | Uint8Array) => ((stdout += String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => ((stderr += String(s)), true)) as typeof process.stderr.write;
  unhandled = [];
  try {
    const code = await main(args);
    await new Promise((r) => setImmediate(r));
    return { code, stdout, stderr, threw: unhandled[0] };
  } catch (e) {
    return { code: null, stdout, stderr, threw: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
