import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseContract } from '@fleet/shared';
import {
  detectDrift,
  escapeHtml,
  formatDriftText,
  histogramBins,
  niceAxisMax,
  renderDriftReport,
} from '../src/index.js';
import { exampleTable, repoRoot, tableOf } from './support/tables.js';

const contract = parseContract(readFileSync(join(repoRoot, 'contracts', 'churn.yaml'), 'utf8'), 'churn.yaml').contract;
const baseline = exampleTable('churn_baseline.csv');
const current = exampleTable('churn_drifted.csv');

describe('escapeHtml', () => {
  it('returns text with the five HTML special characters escaped', () => {
    // Act
    const escaped = escapeHtml('<b>"a" & \'b\'</b>');

    // Assess
    expect(escaped).toBe('&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;');
  });
});

describe('renderDriftReport', () => {
  it('returns one self-contained page with a chart per feature, target and verdicts', () => {
    // Prepare
    const result = detectDrift({ baseline, current, contract });

    // Act
    const html = renderDriftReport({ result, baseline, current, generatedAt: '2024-05-01T00:00:00Z' });

    // Assess
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)=/i);
    const sections = html.match(/<section class="feature" data-feature="[^"]*">/g) ?? [];
    expect(sections.length).toBe(result.features.length + 1);
    expect((html.match(/<svg /g) ?? []).length).toBe(result.features.length + 1);
    expect(html).toContain('data-feature="monthly_charges"');
    expect(html).toContain('class="bar baseline"');
    expect(html).toContain('class="bar current"');
    expect(html).toContain('share of rows');
    expect(html).toContain('baseline (n = 8000)');
    expect(html).toContain('<span class="badge drift">drift</span>');
    expect(html).toContain('customer_id');
    expect(html).toContain('generated 2024-05-01T00:00:00Z');
  });

  it('escapes column names and categories from the data', () => {
    // Prepare
    const header = ['<img src=x onerror=alert(1)>', 'plan'];
    const rows = Array.from({ length: 120 }, (_, i) => [i % 5, i % 2 ? '<script>alert("x")</script>' : 'a&b']);
    const table = tableOf('evil "file".csv', header, rows);
    const result = detectDrift({ baseline: table, current: table });

    // Act
    const html = renderDriftReport({ result, baseline: table, current: table, title: 'Report <for> "you"' });

    // Assess
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('a&amp;b');
    expect(html).toContain('Report &lt;for&gt; &quot;you&quot;');
    expect(html).toContain('evil &quot;file&quot;.csv');
  });

  it('returns a summary without charts for insufficient data', () => {
    // Prepare
    const small = { ...current, rows: current.rows.slice(0, 10) };
    const result = detectDrift({ baseline, current: small, contract });

    // Act
    const html = renderDriftReport({ result, baseline, current: small });

    // Assess
    expect(html).toContain('insufficient data');
    expect(html).not.toContain('<svg');
  });
});

describe('formatDriftText', () => {
  it('returns the verdict, a feature table, exclusions and notes', () => {
    // Prepare
    const result = detectDrift({ baseline, current, contract });

    // Act
    const text = formatDriftText(result);

    // Assess
    const lines = text.split('\n');
    expect(lines[0]).toBe('DRIFT (warning)');
    expect(text).toMatch(/^column\s+kind\s+test\s+statistic\s+p-value\s+adj\. p\s+threshold\s+PSI\s+n\s+verdict$/m);
    expect(text).toMatch(
      /^monthly_charges\s+numeric\s+wasserstein\s+0\.32\d+\s+-\s+-\s+0\.1\s+\S+\s+8000\/8000\s+DRIFT$/m,
    );
    expect(text).toMatch(/^internet_service\s+categorical\s+jensen-shannon\s+.*\s+ok$/m);
    expect(text).toMatch(/^target\s+churn\s+categorical/m);
    expect(text).toContain('  customer_id: identifier: unique in the contract');
  });
});

describe('niceAxisMax', () => {
  it.each([
    [0.72, 0.8],
    [0.16, 0.2],
    [0.39, 0.4],
    [0.89, 1],
    [0.5, 0.8],
    [0.013, 0.02],
  ])('returns a round axis top for %p', (max, expected) => {
    // Act
    const top = niceAxisMax(max);

    // Assess
    expect(top).toBeCloseTo(expected, 12);
  });
});

describe('histogramBins', () => {
  it('returns one bin per integer for small integer ranges', () => {
    // Act
    const histogram = histogramBins(Float64Array.from([0, 1, 1, 2]), Float64Array.from([2, 2]));

    // Assess
    expect(histogram).toEqual({
      edges: [-0.5, 0.5, 1.5, 2.5],
      baseline: [0.25, 0.5, 0.25],
      current: [0, 0, 1],
      unitBins: true,
    });
  });

  it('returns equal-width bins over the range of both samples, the maximum in the last bin', () => {
    // Act
    const histogram = histogramBins(Float64Array.from([0, 0.5]), Float64Array.from([1, 0.99]), 4);

    // Assess
    expect(histogram.edges).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(histogram.baseline).toEqual([0.5, 0, 0.5, 0]);
    expect(histogram.current).toEqual([0, 0, 0, 1]);
    expect(histogram.unitBins).toBe(false);
  });
});
