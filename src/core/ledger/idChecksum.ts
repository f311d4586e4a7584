/**
 * The GB 11643-1999 check character of a 身份证号: the 17 digits weighted 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8
 * 4 2, summed, and the sum mod 11 gives 1 0 X 9 8 7 6 5 4 3 2. The one place the checksum is written:
 * readLedger's numbering (ledger/keys.ts) and the idChecksum rule (checks/kinds/idChecksum.ts) use it.
 */

/** Weight of each of the first 17 digits. */
export const ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check character for each weighted sum mod 11. */
export const ID_CHECK_CHARACTERS = '10X98765432';
/** The check character as a number (X is 10) for each weighted sum mod 11. */
export const ID_CHECK_VALUES: readonly number[] = Array.from(ID_CHECK_CHARACTERS, (c) => (c === 'X' ? 10 : Number(c)));

const CHECK_CODES = Array.from(ID_CHECK_CHARACTERS, (c) => c.charCodeAt(0));
const ZERO = 48;
const NINE = 57;
const LOWER_X = 120;
const UPPER_X = 88;

/**
 * Whether an ID is 17 digits and the right check character (x as X) — one pass over the characters, no
 * regular expression, since nearly every row of a ledger takes this path.
 */
export function isValidId(id: string): boolean {
  if (id.length !== 18) return false;
  let sum = 0;
  for (let k = 0; k < 17; k++) {
    const c = id.charCodeAt(k);
    if (c < ZERO || c > NINE) return false;
    sum += (c - ZERO) * ID_WEIGHTS[k];
  }
  const last = id.charCodeAt(17);
  const expected = CHECK_CODES[sum % 11];
  return last === expected || (last === LOWER_X && expected === UPPER_X);
}

/** The check character GB 11643 gives the first 17 digits, or null when they are not 17 digits. */
export function idCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += (first17.charCodeAt(k) - ZERO) * ID_WEIGHTS[k];
  return ID_CHECK_CHARACTERS[sum % 11];
}
