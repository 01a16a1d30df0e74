import { chartFrame, plotArea, seriesColour, svgNumber, type XTick } from './chartFrame.js';
import { formatStatistic } from './formatStatistic.js';
import type { Histogram } from './histogramBins.js';
import { niceAxisMax } from './niceAxisMax.js';

/**
 * Draws an overlaid baseline/current histogram over shared bins as an inline SVG.
 *
 * Both series are drawn semi-transparent on the same bins, so where they differ shows as a
 * colour that belongs to one side only.
 */
export const histogramSvg = (name: string, histogram: Histogram, nBaseline: number, nCurrent: number): string => {
  const { edges } = histogram;
  const bins = edges.length - 1;
  const yMax = niceAxisMax(Math.max(...histogram.baseline, ...histogram.current));
  const binWidth = plotArea.width / bins;
  const bottom = plotArea.y + plotArea.height;
  const bars: string[] = [];
  for (const side of ['baseline', 'current'] as const) {
    histogram[side].forEach((share, i) => {
      const h = (share / yMax) * plotArea.height;
      bars.push(
        `<rect class="bar ${side}" x="${svgNumber(plotArea.x + i * binWidth + 0.5)}" y="${svgNumber(bottom - h)}" width="${svgNumber(Math.max(binWidth - 1, 0.5))}" height="${svgNumber(h)}" fill="${seriesColour[side]}" fill-opacity="0.55"><title>${side} ${(share * 100).toFixed(1)}% in (${formatStatistic(edges[i])}, ${formatStatistic(edges[i + 1])}]</title></rect>`,
      );
    });
  }
  const step = Math.max(1, Math.ceil(bins / 6));
  const xTicks: XTick[] = [];
  if (histogram.unitBins) {
    for (let i = 0; i < bins; i += step) {
      xTicks.push({ x: plotArea.x + (i + 0.5) * binWidth, label: formatStatistic(edges[i] + 0.5) });
    }
  } else {
    for (let i = 0; i <= bins; i += step) {
      xTicks.push({ x: plotArea.x + i * binWidth, label: formatStatistic(edges[i]) });
    }
  }
  return chartFrame({
    title: `Histogram of ${name}: baseline and current`,
    xLabel: name,
    yMax,
    xTicks,
    nBaseline,
    nCurrent,
    body: bars.join(''),
  });
};
