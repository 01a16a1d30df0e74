import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseContract } from '@fleet/shared';
import { type Browser, chromium } from 'playwright-core';
import { detectDrift, renderDriftReport } from '../src/index.js';
import { exampleTable, repoRoot } from './support/tables.js';

const executablePath = process.env.FLEET_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(executablePath);
if (!hasChromium) {
  console.warn(
    `Skipping the headless Chromium checks of the drift report: ${executablePath} does not exist. ` +
      'Install it with `apt-get install -y chromium` (scripts/ci-system-deps.sh does in CI) or set FLEET_CHROMIUM.',
  );
}

const contract = parseContract(readFileSync(join(repoRoot, 'contracts', 'churn.yaml'), 'utf8'), 'churn.yaml').contract;
const baseline = exampleTable('churn_baseline.csv');
const current = exampleTable('churn_drifted.csv');
const result = detectDrift({ baseline, current, contract });
const html = renderDriftReport({
  result,
  baseline,
  current,
  title: 'Churn: drift report',
  generatedAt: '2024-05-01T06:00:00Z',
});

describe('the drift report HTML', () => {
  it('has one chart with bars for every compared column', () => {
    // Prepare
    const columns = [...result.features, result.target].filter((c) => c !== undefined);

    // Act
    const charts = html.split('<section class="feature"').slice(1);

    // Assess
    expect(charts).toHaveLength(columns.length);
    charts.forEach((chart) => {
      expect(chart).toContain('<svg ');
      expect(chart).toMatch(/<rect class="bar baseline"[^>]*height="[1-9]/);
      expect(chart).toMatch(/<rect class="bar current"[^>]*height="[1-9]/);
    });
  });
});

(hasChromium ? describe : describe.skip)('the drift report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'drift-report-'));
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders every chart, logs no error, makes no request and saves a screenshot', async () => {
    // Prepare
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(file).href;

    // Act
    await page.goto(url, { waitUntil: 'load' });
    const charts = await page.$$eval('section.feature', (sections) =>
      sections.map((section) => {
        const svg = section.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        const bars = [...section.querySelectorAll('rect.bar')].filter((bar) => bar.getBoundingClientRect().height > 0);
        return {
          name: section.getAttribute('data-feature'),
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          bars: bars.length,
        };
      }),
    );
    mkdirSync(join(repoRoot, 'docs'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'docs', 'drift-report.png'), fullPage: true });

    // Assess
    expect(charts.map((c) => c.name)).toEqual([
      ...result.features.map((f) => f.name),
      ...(result.target ? [result.target.name] : []),
    ]);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(0);
      expect(chart.height).toBeGreaterThan(0);
      expect(chart.bars).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(existsSync(join(repoRoot, 'docs', 'drift-report.png'))).toBe(true);
  });
});
