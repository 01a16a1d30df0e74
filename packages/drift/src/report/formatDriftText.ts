import type { ColumnDrift, DriftResult } from '../DriftResult.js';
import { formatStatistic } from './formatStatistic.js';

const table = (rows: string[][]): string[] => {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  );
};

const columnRow = (c: ColumnDrift): string[] => [
  c.name + (c.critical ? ' (critical)' : ''),
  c.kind,
  c.test,
  formatStatistic(c.statistic),
  formatStatistic(c.pValue),
  formatStatistic(c.adjustedPValue),
  formatStatistic(c.threshold),
  formatStatistic(c.psi),
  `${c.nBaseline}/${c.nCurrent}`,
  c.drifted ? 'DRIFT' : 'ok',
];

const header = ['column', 'kind', 'test', 'statistic', 'p-value', 'adj. p', 'threshold', 'PSI', 'n', 'verdict'];

/**
 * Renders a drift result as plain text for a terminal: the verdict, a table of features, then
 * target, prediction and quality, exclusions and notes.
 */
export const formatDriftText = (result: DriftResult): string => {
  const lines: string[] = [];
  const verdict = result.status.replace('_', ' ').toUpperCase();
  lines.push(`${verdict}${result.severity === undefined ? '' : ` (${result.severity})`}`);
  lines.push(`rows: baseline ${result.rows.baseline}, current ${result.rows.current}`);
  lines.push(...result.reasons);
  if (result.features.length > 0) {
    lines.push('', ...table([header, ...result.features.map(columnRow)]));
  }
  const others = [
    ['target', result.target],
    ['prediction', result.prediction],
  ] as const;
  const extra = others.filter(([, c]) => c !== undefined) as [string, ColumnDrift][];
  if (extra.length > 0) {
    lines.push('', ...table([['role', ...header], ...extra.map(([role, c]) => [role, ...columnRow(c)])]));
  }
  if (result.quality !== undefined) {
    const q = result.quality;
    lines.push('', `quality (labels ${q.labels}, positive ${q.positive}, allowed drop ${q.allowedDrop}):`);
    lines.push(
      ...table([
        ['metric', 'baseline', 'current', 'drop', 'verdict'],
        ...q.metrics.map((m) => [
          m.name,
          formatStatistic(m.baseline),
          formatStatistic(m.current),
          formatStatistic(m.drop),
          m.drifted ? 'DRIFT' : 'ok',
        ]),
      ]).map((l) => `  ${l}`),
    );
  }
  if (result.excluded.length > 0) {
    lines.push('', 'excluded:', ...result.excluded.map((e) => `  ${e.name}: ${e.reason}`));
  }
  if (result.notes.length > 0) lines.push('', 'notes:', ...result.notes.map((n) => `  - ${n}`));
  return `${lines.join('\n')}\n`;
};
