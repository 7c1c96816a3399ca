/** A bigint sum from PostgreSQL as a number, refused past the safe integer range (wrong money otherwise). */
export function safeNumber(value: bigint): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`A sum past the safe integer range: ${value}`);
  return number;
}
