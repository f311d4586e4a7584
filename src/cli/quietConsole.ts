/**
 * Libraries speak English on the console: ExcelJS warns `Worksheet name … exceeds 31 chars` and traces
 * deprecations, and that reached the officer's terminal before the Chinese message (issue 12). The CLI
 * itself never uses `console` (it writes to process.stdout/stderr), so while a command runs every console
 * method is silenced; what a warning means for the officer is said in Chinese where it is detected (a
 * `提示：` line, e.g. a sheet name cut to 31 characters). With JIXIAO_DEBUG set the library's lines pass
 * through for a developer.
 */
const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

export async function withQuietConsole<T>(run: () => Promise<T>): Promise<T> {
  if (process.env.JIXIAO_DEBUG) return run();
  const saved = METHODS.map((m) => [m, console[m]] as const);
  for (const m of METHODS) console[m] = () => undefined;
  try {
    return await run();
  } finally {
    for (const [m, fn] of saved) console[m] = fn;
  }
}
