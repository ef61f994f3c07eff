// Small statistics and Markdown helpers shared by every section of the bench.

/** The value at fraction `p` (0–1) of an ascending array, nearest-rank; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1));
  return sorted[index] ?? Number.NaN;
}

/** The median of any array (copied before sorting). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** `1234.5` → `1,235` (or with `digits` decimals). */
export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A ratio with two decimals, `1.04×`. */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a';
}

/** A signed percentage with one decimal, `+4.2 %`. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  const percent = fraction * 100;
  return `${percent >= 0 ? '+' : '−'}${Math.abs(percent).toFixed(1)} %`;
}

/** Bytes as KiB with one decimal, signed when asked (for growth). */
export function formatKiB(bytes: number, signed = false): string {
  const text = `${formatNumber(Math.abs(bytes) / 1024, 1)} KiB`;
  if (!signed) return text;
  return `${bytes >= 0 ? '+' : '−'}${text}`;
}

/** A GitHub-flavoured Markdown table; columns after the first are right-aligned (numbers). */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const separator = headers.map((_, column) => (column === 0 ? '---' : '--:'));
  return [headers, separator, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The order of `items` in round `round`: forwards, then backwards (A B C D, D C B A, …). */
export function interleaved<T>(items: readonly T[], round: number): readonly T[] {
  return round % 2 === 0 ? items : [...items].reverse();
}
