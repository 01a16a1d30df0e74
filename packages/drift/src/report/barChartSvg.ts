import type { CategoryShares } from './categoryShares.js';
import { chartFrame, plotArea, seriesColour, svgNumber, type XTick } from './chartFrame.js';
import { niceAxisMax } from './niceAxisMax.js';

const shorten = (label: string, max: number): string => (label.length <= max ? label : `${label.slice(0, max - 1)}…`);

/**
 * Draws a grouped bar chart of category shares, baseline beside current, as an inline SVG.
 *
 * Long category names are shortened on the axis and given in full in a tooltip.
 */
export const barChartSvg = (name: string, shares: CategoryShares, nBaseline: number, nCurrent: number): string => {
  const k = shares.categories.length;
  const yMax = niceAxisMax(Math.max(...shares.baseline, ...shares.current));
  const group = plotArea.width / Math.max(k, 1);
  const barWidth = Math.max(Math.min(group * 0.38, 60), 1);
  const bottom = plotArea.y + plotArea.height;
  const bars: string[] = [];
  const xTicks: XTick[] = [];
  shares.categories.forEach((category, i) => {
    const centre = plotArea.x + group * (i + 0.5);
    (['baseline', 'current'] as const).forEach((side, s) => {
      const share = shares[side][i];
      const h = (share / yMax) * plotArea.height;
      const x = s === 0 ? centre - barWidth - 1 : centre + 1;
      bars.push(
        `<rect class="bar ${side}" x="${svgNumber(x)}" y="${svgNumber(bottom - h)}" width="${svgNumber(barWidth)}" height="${svgNumber(h)}" fill="${seriesColour[side]}" fill-opacity="0.8"><title>${side} ${(share * 100).toFixed(1)}%</title></rect>`,
      );
    });
    xTicks.push({ x: centre, label: shorten(category, Math.max(4, Math.floor(group / 7))), title: category });
  });
  return chartFrame({
    title: `Category shares of ${name}: baseline and current`,
    xLabel: name,
    yMax,
    xTicks,
    nBaseline,
    nCurrent,
    body: bars.join(''),
  });
};
