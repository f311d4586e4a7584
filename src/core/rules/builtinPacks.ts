/**
 * The rule packs that ship with the add-in (SPEC §5), validated when first used so a broken pack file
 * fails loudly in tests rather than checking nothing in a user's workbook.
 */
import commonDataQuality from './packs/common-data-quality.json';
import gzSongwennuan from './packs/gz-songwennuan.json';
import gzZengcheng2023 from './packs/gz-zengcheng-2023.json';
import kmSongwennuan2019 from './packs/km-songwennuan-2019.json';
import kmWuhua2023 from './packs/km-wuhua-2023.json';
import ynSongwennuan from './packs/yn-songwennuan.json';
import { validatePack, type Pack } from './packSchema';

const SOURCES: readonly unknown[] = [
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
  for (const source of SOURCES) {
    const result = validatePack(source);
    if (!result.ok) throw new Error(result.message);
    packs.set(result.pack.id, result.pack);
  }
  cache = packs;
  return packs;
}
