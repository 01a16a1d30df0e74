import { escapeHtml } from './escapeHtml.js';

/** Size of every chart and of its plotting area, in SVG user units. */
export const chartSize = { width: 600, height: 280, left: 60, right: 16, top: 34, bottom: 58 } as const;

/** The plotting area's box. */
export const plotArea = {
  x: chartSize.left,
  y: chartSize.top,
  width: chartSize.width - chartSize.left - chartSize.right,
  height: chartSize.height - chartSize.top - chartSize.bottom,
} as const;

/** Series colours: baseline blue, current orange (distinguishable with common colour blindness). */
export const seriesColour = { baseline: '#4c78a8', current: '#f58518' } as const;

/** A label under the x axis at a position inside the plotting area. */
export type XTick = { x: number; label: string; title?: string };

/** What {@link chartFrame} draws around the bars. */
export type ChartFrameOptions = {
  /** Accessible name of the chart. */
  title: string;
  xLabel: string;
  /** The largest share on the y axis. */
  yMax: number;
  xTicks: XTick[];
  nBaseline: number;
  nCurrent: number;
  /** The bars, already placed in SVG units. */
  body: string;
};

const round = (value: number): string => String(Math.round(value * 100) / 100);

/**
 * Wraps bars in a complete inline SVG chart: axes, percentage ticks, axis labels and a legend.
 *
 * Every text passed in is escaped here, so callers hand over raw column and category names.
 */
export const chartFrame = (options: ChartFrameOptions): string => {
  const { x, y, width, height } = plotArea;
  const bottom = y + height;
  const parts: string[] = [];
  const ticks = 4;
  for (let i = 0; i <= ticks; i++) {
    const share = (options.yMax * i) / ticks;
    const ty = bottom - (height * i) / ticks;
    parts.push(
      `<line class="grid" x1="${x}" x2="${x + width}" y1="${round(ty)}" y2="${round(ty)}"/>`,
      `<text class="tick" x="${x - 6}" y="${round(ty + 4)}" text-anchor="end">${Number((share * 100).toFixed(1))}%</text>`,
    );
  }
  for (const tick of options.xTicks) {
    const title = tick.title === undefined ? '' : `<title>${escapeHtml(tick.title)}</title>`;
    parts.push(
      `<text class="tick" x="${round(tick.x)}" y="${bottom + 16}" text-anchor="middle">${title}${escapeHtml(tick.label)}</text>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${x}" x2="${x + width}" y1="${bottom}" y2="${bottom}"/>`,
    `<line class="axis" x1="${x}" x2="${x}" y1="${y}" y2="${bottom}"/>`,
    `<text class="axis-label" x="${x + width / 2}" y="${chartSize.height - 10}" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`,
    `<text class="axis-label" transform="translate(14 ${y + height / 2}) rotate(-90)" text-anchor="middle">share of rows</text>`,
  );
  const legendX = x + width - 300;
  parts.push(
    `<g class="legend">`,
    `<rect x="${legendX}" y="8" width="12" height="12" fill="${seriesColour.baseline}" fill-opacity="0.6"/>`,
    `<text x="${legendX + 18}" y="18">baseline (n = ${options.nBaseline})</text>`,
    `<rect x="${legendX + 150}" y="8" width="12" height="12" fill="${seriesColour.current}" fill-opacity="0.6"/>`,
    `<text x="${legendX + 168}" y="18">current (n = ${options.nCurrent})</text>`,
    `</g>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="${chartSize.width}" height="${chartSize.height}" viewBox="0 0 ${chartSize.width} ${chartSize.height}">`,
    `<title>${escapeHtml(options.title)}</title>`,
    ...parts,
    options.body,
    '</svg>',
  ].join('');
};

/** Rounds an SVG coordinate to two decimals, to keep the file small. */
export const svgNumber = round;
