/**
 * The HTML report in a real browser: headless Chromium opens the report of a small demo run,
 * takes a screenshot and dumps the DOM; every chart must be drawn and the console must stay quiet.
 * Chromium is found through CHROMIUM_PATH or CHROME_PATH, then PATH; CI installs Debian's
 * `chromium` and fails without it, a machine without one skips.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportToHtml } from '../../src/sim/report/html/report-to-html.js';
import { REPORT_CHARTS } from '../../src/sim/report/html/charts/index.js';
import { demoReport, drawnMarks } from '../report-html/fixture.js';

/**
 * The browser, found the usual ways: the CHROMIUM_PATH or CHROME_PATH environment variable, then
 * the first of the usual names on PATH. Undefined when there is none.
 */
function findChromium(): string | undefined {
  for (const variable of ['CHROMIUM_PATH', 'CHROME_PATH']) {
    const path = process.env[variable];
    if (path !== undefined && path !== '') return path;
  }
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter((d) => d !== '');
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
    if (found !== undefined) return found;
  }
  return undefined;
}

const found = findChromium();
// CI installs Chromium (.ci/run) and must never skip this test; elsewhere a machine without it skips.
if (found === undefined && process.env['CI']) throw new Error('No Chromium for the browser test: set CHROMIUM_PATH, or put chromium on PATH (apt-get install -y chromium).');
const missing = found === undefined;
const CHROMIUM = found ?? 'chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--enable-logging=stderr',
  '--v=0',
];

const work = mkdtempSync(join(tmpdir(), 'cbec-browser-'));
let runs = 0;

/** Runs Chromium on `url` with a fresh profile; resolves with its output. */
async function chromium(args: readonly string[], url: string): Promise<{ stdout: string; stderr: string }> {
  const profile = join(work, `profile-${++runs}`);
  return promisify(execFile)(CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`, ...args, url], { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
}

/** Console output and uncaught errors in Chromium's log (the page has no scripts, so any is wrong). */
const consoleLines = (stderr: string): string[] => stderr.split('\n').filter((l) => /:CONSOLE|Uncaught/.test(l));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe(missing ? 'the HTML report in headless Chromium (skipped: no Chromium on this machine)' : 'the HTML report in headless Chromium', () => {
  const screenshot = join(work, 'report.png');
  let dom = '';
  let logs = '';

  beforeAll(async () => {
    if (missing) return;
    const page = join(work, 'report.html');
    writeFileSync(page, await reportToHtml(await demoReport(500)));
    const url = pathToFileURL(page).href;
    const shot = await chromium([`--screenshot=${screenshot}`, '--window-size=1400,4000', '--hide-scrollbars'], url);
    const dump = await chromium(['--dump-dom'], url);
    dom = dump.stdout;
    logs = shot.stderr + dump.stderr;
  }, 180_000);

  afterAll(() => {
    if (process.env['KEEP_BROWSER_OUTPUT'] === undefined) rmSync(work, { recursive: true, force: true });
    else console.log(`browser test output kept in ${work}`);
  });

  it.skipIf(missing)('draws every chart: each figure holds an SVG with non-empty marks', () => {
    expect(dom).toContain('</html>');
    for (const chart of REPORT_CHARTS) {
      const figure = new RegExp(`<figure id="${chart.id}"[\\s\\S]*?</figure>`).exec(dom)?.[0] ?? '';
      expect(figure, `${chart.id} is in the page`).not.toBe('');
      expect(figure, `${chart.id} is drawn`).toContain('data-chart="drawn"');
      expect(drawnMarks(figure).length, `${chart.id} has drawn marks`).toBeGreaterThan(0);
    }
  });

  it.skipIf(missing)('takes a full-size, non-blank screenshot', () => {
    expect(existsSync(screenshot)).toBe(true);
    const png = readFileSync(screenshot);
    expect(pngSize(png)).toEqual({ width: 1400, height: 4000 });
    expect(statSync(screenshot).size).toBeGreaterThan(100_000); // a blank page of this size compresses to a few KB
  });

  it.skipIf(missing)('logs no console messages or uncaught errors', () => {
    expect(logs).not.toBe('');
    expect(consoleLines(logs)).toEqual([]);
  });
});
