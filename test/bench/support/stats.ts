/** Small helpers shared by the benchmarks: medians of a few runs, and the printed tables. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** "812 (790–905)": the median and, for more than one value, the range; `format` for each number. */
export function spread(values: readonly number[], format: (value: number) => string = String): string {
  if (values.length === 0) return '–';
  const head = format(median(values));
  if (values.length === 1) return head;
  return `${head} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}

export const ms = (value: number) => value.toFixed(0);
export const seconds = (value: number) => (value / 1000).toFixed(1);
export const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1);

/** A table with a header row; the first column left-aligned, the others right-aligned. */
export function printTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('   ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((sum, width) => sum + width, 0) + 3 * (widths.length - 1));
  console.log(rule);
  console.log(line(header));
  console.log(rule);
  for (const row of rows) console.log(line(row));
  console.log(rule);
}

/** The p-th percentile (nearest rank) of values sorted ascending; 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
