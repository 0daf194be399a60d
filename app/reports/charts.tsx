/**
 * Server-rendered SVG bar charts. Each row's label and value are written out as text above its
 * bar, so the chart reads without colour and at 320px wide; bar lengths are percentages of the
 * chart's width, so text stays its real size at any width. The SVG is one image to assistive
 * technology (role="img", named by its title and described by its desc); the table beside it
 * carries the same numbers for screen readers. Colours come from classes (_reports.scss), never
 * inline styles, which the content security policy forbids.
 */
import { percentOf, scaleFor, wrapLabel } from "./chart-scale";
import { formatCount } from "./stats";

export interface BarChartRow {
  label: string;
  /** One number per series; several series are drawn end to end (stacked). */
  values: number[];
  /** What is written after the label, such as "37 (12%)". */
  valueText: string;
}

export interface BarChartProps {
  id: string;
  title: string;
  description: string;
  rows: BarChartRow[];
  /** Names of the series, shown as a key when there is more than one. */
  series: string[];
  /** Smaller rows and text, for the one-page board summary. */
  compact?: boolean;
}

/**
 * Sizes in pixels. LABEL_CHARS is about what fits on one line of a 320px-wide phone screen at
 * the chart's text size; bars use BAR_AREA of the width, and each value is written after its bar.
 */
const SIZES = {
  normal: { LINE_HEIGHT: 19, BAR_HEIGHT: 18, ROW_GAP: 12, AXIS_HEIGHT: 28, KEY_HEIGHT: 28, LABEL_CHARS: 32 },
  compact: { LINE_HEIGHT: 12, BAR_HEIGHT: 9, ROW_GAP: 4, AXIS_HEIGHT: 18, KEY_HEIGHT: 22, LABEL_CHARS: 44 },
};
const BAR_AREA = 0.66;

export function BarChart({ id, title, description, rows, series, compact = false }: BarChartProps) {
  const { LINE_HEIGHT, BAR_HEIGHT, ROW_GAP, AXIS_HEIGHT, KEY_HEIGHT, LABEL_CHARS } = SIZES[compact ? "compact" : "normal"];
  const max = Math.max(0, ...rows.map((r) => r.values.reduce((s, v) => s + v, 0)));
  const scale = scaleFor(max);
  const x = (value: number) => Math.round(percentOf(value, scale.max) * BAR_AREA * 100) / 100;
  const keyHeight = series.length > 1 ? KEY_HEIGHT : 0;
  const laidOut = rows.reduce<{ row: BarChartRow; lines: string[]; top: number }[]>((acc, row) => {
    const previous = acc[acc.length - 1];
    const top = previous ? previous.top + previous.lines.length * LINE_HEIGHT + BAR_HEIGHT + ROW_GAP : keyHeight;
    return [...acc, { row, lines: wrapLabel(row.label, LABEL_CHARS), top }];
  }, []);
  const last = laidOut[laidOut.length - 1];
  const axisY = last ? last.top + last.lines.length * LINE_HEIGHT + BAR_HEIGHT + ROW_GAP / 2 : keyHeight;
  const height = axisY + AXIS_HEIGHT;
  const titleId = `${id}-chart-title`;
  const descId = `${id}-chart-desc`;
  return (
    <svg className={compact ? "app-chart app-chart--compact" : "app-chart"} width="100%" height={height} role="img" aria-labelledby={`${titleId} ${descId}`} focusable="false">
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {series.length > 1 ? <ChartKey series={series} size={KEY_HEIGHT - 12} /> : null}
      {scale.ticks.map((tick) => (
        <line key={tick} className="app-chart__grid" x1={`${x(tick)}%`} x2={`${x(tick)}%`} y1={keyHeight} y2={axisY} />
      ))}
      {laidOut.map(({ row, lines, top }) => {
        const barY = top + lines.length * LINE_HEIGHT;
        let end = 0;
        const bars = row.values.map((value, s) => {
          const start = end;
          end += value;
          const width = x(end) - x(start);
          return width > 0 ? <rect key={s} className={`app-chart__bar app-chart__bar--${s + 1}`} x={`${x(start)}%`} y={barY} width={`${width}%`} height={BAR_HEIGHT} /> : null;
        });
        return (
          <g key={row.label}>
            <text className="app-chart__label" y={top + LINE_HEIGHT - 5}>
              {lines.map((line, i) => (
                <tspan key={i} x="0" dy={i === 0 ? 0 : LINE_HEIGHT}>
                  {line}
                </tspan>
              ))}
            </text>
            {bars}
            <text className="app-chart__value" x={`${x(end) + 1}%`} y={barY + BAR_HEIGHT - (compact ? 1 : 4)}>
              {row.valueText}
            </text>
          </g>
        );
      })}
      <line className="app-chart__axis" x1="0" x2={`${x(scale.max)}%`} y1={axisY} y2={axisY} />
      {scale.ticks.map((tick, i) => (
        <text key={tick} className="app-chart__tick" x={`${x(tick)}%`} y={axisY + AXIS_HEIGHT - 10} textAnchor={i === 0 ? "start" : "middle"}>
          {formatCount(tick)}
        </text>
      ))}
    </svg>
  );
}

function ChartKey({ series, size }: { series: string[]; size: number }) {
  return (
    <g>
      {series.map((name, s) => (
        <g key={name} transform={`translate(${s * 110}, 4)`}>
          <rect className={`app-chart__bar app-chart__bar--${s + 1}`} x="0" y="0" width={size} height={size} />
          <text className="app-chart__label" x={size + 6} y={size - 3}>
            {name}
          </text>
        </g>
      ))}
    </g>
  );
}
