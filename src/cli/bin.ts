#!/usr/bin/env node
/**
 * The command line's entry point (SPEC §7): runs `main` on the process's arguments and exits with its
 * code. Bundled into dist-cli/jixiao.mjs by scripts/buildCli.mjs; `main` itself stays importable by tests.
 */
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  () => process.exit(1),
);
