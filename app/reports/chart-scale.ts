/** Axis arithmetic for the bar charts: round numbers on the axis, bar lengths as percentages. */

/** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `value`. */
export function niceStep(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= value) return m * power;
  return 10 * power;
}

export interface Scale {
  max: number;
  ticks: number[];
}

/**
 * An axis from 0 that fits `max` in about `tickCount` round steps. Counts are whole, so a step
 * is never under 1: an empty chart or a chart of 3s still gets a readable axis.
 */
export function scaleFor(max: number, tickCount = 4): Scale {
  const step = Math.max(1, niceStep(max / tickCount));
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(Math.round(t * 100) / 100);
  return { max: top, ticks };
}

/** A bar's length as a percentage of the chart's width, to two decimals. */
export function percentOf(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.round(Math.min(1, value / max) * 10_000) / 100;
}

/**
 * Splits a label into lines of at most `maxChars` characters at spaces (a longer word gets a
 * line of its own), because SVG text does not wrap and a phone screen is narrow.
 */
export function wrapLabel(label: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}
