/**
 * The rule packs that ship with the add-in (SPEC §5). They are data in this repository, so their schema is
 * checked by the tests (test/rules/builtinPacks.test.ts: every pack validates, and validation returns it
 * unchanged), not on every start: zod parsing all six cost about a third of the command line's start-up.
 */
import commonDataQuality from './packs/common-data-quality.json';
import gzSongwennuan from './packs/gz-songwennuan.json';
import gzZengcheng2023 from './packs/gz-zengcheng-2023.json';
import kmSongwennuan2019 from './packs/km-songwennuan-2019.json';
import kmWuhua2023 from './packs/km-wuhua-2023.json';
import ynSongwennuan from './packs/yn-songwennuan.json';
import type { Pack } from './packSchema';

/** The pack files as imported; `BUILTIN_PACK_SOURCES` for the test that validates them. */
export const BUILTIN_PACK_SOURCES: readonly unknown[] = [
  gzSongwennuan,
  gzZengcheng2023,
  kmSongwennuan2019,
  kmWuhua2023,
  ynSongwennuan,
  commonDataQuality,
];

let cache: ReadonlyMap<string, Pack> | null = null;

/** Every built-in pack by id, in the order `listPacks` shows them. */
export function builtinPacks(): ReadonlyMap<string, Pack> {
  if (cache) return cache;
  const packs = new Map<string, Pack>();
  for (const source of BUILTIN_PACK_SOURCES) {
    const pack = source as Pack;
    packs.set(pack.id, pack);
  }
  cache = packs;
  return packs;
}
