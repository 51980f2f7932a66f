/** Every example runs here, so a change that breaks one fails the suite. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main as integrator } from '../../examples/integrator-1210-inspection.js';
import { main as libraryRun } from '../../examples/library-run.js';
import { main as policyWhatIf } from '../../examples/policy-what-if.js';
import { parseScenario } from '../../src/sim/scenario/load.js';
import { validateMessage } from '../../src/messages/parse.js';

const HANGZHOU = fileURLToPath(new URL('../../examples/scenarios/hangzhou-pilot-zone.json', import.meta.url));

describe('examples/policy-what-if.ts', () => {
  const text = policyWhatIf();
  const totals = (id: string) => {
    const match = new RegExp(`^${id}: CBEC tax ([\\d.]+) CNY on \\d+ orders \\(cbec (\\d+), cbec-full (\\d+)\\); (\\d+) refused as retail, taxed as general trade instead$`, 'm').exec(text);
    if (!match) throw new Error(`no totals line for ${id} in:\n${text}`);
    return { tax: Number(match[1]), cbec: Number(match[2]), refused: Number(match[4]) };
  };

  it('taxes the same 20 orders under RULES_2016 and RULES_2019, side by side', () => {
    expect(text).toMatch(/^Same 20 orders, taxed on 2019-06-01 under RULES_2016 and RULES_2019$/m);
    expect(text.match(/^WHATIF-\d{3} /gm)).toHaveLength(20);
    expect(text).toContain('<- route changes');
  });

  it('shows an order refused as retail with the limit it is over, never as general trade taxed 0.00', () => {
    expect(text).toMatch(/\| refused: over (single|annual) limit/);
    expect(text).not.toMatch(/general-trade +0\.00/);
  });

  it('explains a route change with the rule that caused it', () => {
    expect(text).toMatch(/^Why WHATIF-\d{3} changes route:\n {2}RULES_2016: .*(single-transaction|annual) limit of .*general trade.*\n {2}RULES_2019: cbec, tax [1-9][\d.]* CNY$/m);
  });

  it('shows the 2019 limits (5,000 single, 26,000 annual) keep more orders in CBEC than the 2016 ones', () => {
    const old = totals('RULES_2016');
    const current = totals('RULES_2019');
    expect(old.cbec + old.refused).toBe(20);
    expect(current.cbec).toBeGreaterThan(old.cbec);
    expect(current.refused).toBeLessThan(old.refused);
    expect(current.tax).toBeGreaterThan(old.tax);
  });

  it('is reproducible', () => {
    expect(policyWhatIf()).toBe(text);
  });
});

describe('examples/integrator-1210-inspection.ts', () => {
  const text = integrator();

  it('drives the 1210 order through inspection (500) to release (800) and closing (899)', () => {
    expect(text).toMatch(/^1210-import order \S+, script 'inspect:pass': \d+ events, final state closed$/m);
    const exchange = text.split('\n').filter((l) => /^ {2}(->|<-) /.test(l)).map((l) => l.trim());
    expect(exchange.filter((l) => l.startsWith('->'))).toEqual(['-> CEB311 order declaration', '-> CEB411 payment declaration', '-> CEB511 waybill declaration', '-> CEB621 list declaration']);
    expect(exchange.filter((l) => l.startsWith('<- CEB622')).map((l) => l.split(/\s+/)[2])).toEqual(['2', '3', '120', '399', '500', '800', '899']);
    expect(exchange).toContain('<- CEB622 500 查验');
  });

  it('prints a CEB621 declaration and a CEB622 receipt that validate against the message specs', () => {
    const documents = text.split('<?xml').slice(1).map((x) => `<?xml${x.split('\n\n')[0]}`);
    expect(documents).toHaveLength(2);
    expect(documents[0]).toContain('<ceb:tradeMode>1210</ceb:tradeMode>');
    expect(documents[1]).toContain('<ceb:returnStatus>500</ceb:returnStatus>');
    for (const xml of documents) expect(validateMessage(xml.trim())).toEqual([]);
  });
});

describe('examples/library-run.ts and the Hangzhou pilot-zone scenario', () => {
  it('the scenario is valid: Hangzhou customs (2900), 2021, export-led with 9710/9810 and 1210 import', () => {
    const scenario = parseScenario(JSON.parse(readFileSync(HANGZHOU, 'utf8')));
    expect(scenario.customsCode).toBe('2900');
    expect(new Date(scenario.start).getUTCFullYear()).toBe(2021);
    const rates = Object.fromEntries(scenario.arrivals.map((a) => [a.channel, a.ordersPerDay]));
    expect(Object.keys(rates).sort()).toEqual(['1210-import', '9610-export', '9710', '9810']);
    expect(Math.max(...Object.values(rates))).toBe(rates['9610-export']);
  });

  it('runs the scenario and prints reconciled figures per channel', async () => {
    const text = await libraryRun(HANGZHOU, 600);
    expect(text).toMatch(/^Hangzhou comprehensive pilot zone, export-led, 2021 \(seed 2021, RULES_2019\)$/m);
    expect(text).toMatch(/^orders 600: \d+ finished, \d+ in flight$/m);
    for (const channel of ['1210-import', '9610-export', '9710', '9810']) expect(text).toMatch(new RegExp(`^ {2}${channel} +\\d+ orders, clearance p50`, 'm'));
    expect(text).toMatch(/^ {2}1210-import .* tax [1-9]\d*\.\d{2} CNY$/m);
    expect(text).toMatch(/^export summary: [1-9]\d* CEB701 applications/m);
    expect(text).toMatch(/^reconciliation: ok$/m);
  });
});

describe('examples/testing/find-the-bug.ts', () => {
  it('prints the shrunk counterexample and its replay line when run as a script with tsx', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../examples/testing/find-the-bug.ts', import.meta.url))], { encoding: 'utf8' });
    expect(out).toMatch(/^Counterexample after \d+ runs, shrunk: declare-documents -> .* -> leave-site$/m);
    expect(out).toContain('customs would refuse a cancellation now, the system would grant one');
    expect(out).toMatch(/^Replay: .*fc\.assert\(property, \{ seed: 42, path: "[\d:]+", endOnFailure: true \}\)$/m);
  });
});
