/**
 * The built-in packs are used as they are imported, without zod on every start (builtinPacks.ts): this is
 * where their schema is enforced. A pack file that breaks the schema, or that validation would change
 * (an unknown key stripped, say), fails here.
 */
import { BUILTIN_PACK_SOURCES, builtinPacks } from '../../src/core/rules/builtinPacks';
import { validatePack } from '../../src/core/rules/packSchema';

test.each(BUILTIN_PACK_SOURCES.map((s) => [(s as { id: string }).id, s]))('pack %s validates and validation leaves it unchanged', (_id, source) => {
  const result = validatePack(source);
  if (!result.ok) throw new Error(result.message);
  expect(result.pack).toEqual(source);
});

test('the six built-in packs, by id, in the order packs lists them', () => {
  expect([...builtinPacks().keys()]).toEqual([
    'gz-songwennuan', 'gz-zengcheng-2023', 'km-songwennuan-2019', 'km-wuhua-2023', 'yn-songwennuan', 'common-data-quality',
  ]);
});
