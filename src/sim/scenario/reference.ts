/**
 * A scenario's reference data, read and checked at load time so that whatever `validate` accepts,
 * `run` runs: the tariff (a file or inline rows) and the positive list are read; every catalogue
 * product's HS code must be a tariff line of the nomenclature, and every rate a channel that sells
 * it needs must come from some source (import channels: a duty, and a postal category under the
 * postal-articles regime; export channels: the export rebate), on every day the run covers.
 */
import { dirname, resolve } from 'node:path';
import { isCbecError, type ValidationIssue } from '../../domain/errors.js';
import { tariffLineProblem } from '../../domain/hs/nomenclature.js';
import { shanghaiDate, MS } from '../clock.js';
import type { ChannelId } from '../../channels/registry.js';
import { readPositiveListFile, type PositiveListData } from '../../rules/positive-list.js';
import { readTariffFile, checkTariffRows } from '../../rules/tariff-file.js';
import type { TariffRowData } from '../../rules/tariff-schema.js';
import { RULE_SETS, rulesAt } from '../../rules/rule-sets.js';
import { missingRates, productRates, type NeededRate } from '../../rules/product-rates.js';
import { ratesAtPrice } from '../../rules/line-rates.js';
import { tariffRowsFor } from '../../rules/tariff.js';
import { money } from '../../money/money.js';
import { CHANNEL_PROFILES } from '../parties/platform.js';
import type { Scenario } from './schema.js';
import { scenarioRates } from './rates.js';

type Parsed = Omit<Scenario, 'tariff' | 'positiveList'> & { readonly tariff?: string | readonly unknown[] | undefined; readonly positiveList?: string | PositiveListData | undefined };

/** The scenario with its tariff and positive list read (files relative to `baseDir`), and the issues found reading them. */
export function readReferenceData(parsed: Parsed, baseDir: string): { scenario: Scenario; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const { tariff: tariffInput, positiveList: listInput, ...rest } = parsed;
  let tariff: TariffRowData[] | undefined;
  if (typeof tariffInput === 'string') {
    tariff = fromFile(issues, ['tariff'], () => readTariffFile(resolve(baseDir, tariffInput)));
  } else if (tariffInput !== undefined) {
    const checked = checkTariffRows(tariffInput, (i) => `scenario tariff row ${i + 1}`, ['tariff']);
    issues.push(...checked.issues);
    tariff = checked.rows;
  }
  const positiveList = typeof listInput === 'string' ? fromFile(issues, ['positiveList'], () => readPositiveListFile(resolve(baseDir, listInput))) : listInput;
  const scenario: Scenario = { ...rest, ...(tariff ? { tariff } : {}), ...(positiveList ? { positiveList } : {}) };
  return { scenario, issues };
}

function fromFile<T>(issues: ValidationIssue[], path: readonly string[], read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    if (!isCbecError(e) || !('issues' in e)) throw e;
    issues.push(...(e.issues as readonly ValidationIssue[]).map((issue) => ({ ...issue, path: [...path], reason: `${issue.path.map(String).join(' ')}: ${issue.reason}` })));
    return undefined;
  }
}

/** The days the run covers on which some rate may change: its first day, and every start or end of a rule set or tariff row within it. */
function checkDays(scenario: Scenario, hsCode: string): string[] {
  const first = shanghaiDate(scenario.start);
  const last = shanghaiDate(scenario.start + (scenario.horizonDays + scenario.drainDays) * MS.day);
  const { book } = scenarioRates(scenario);
  const rows = [...tariffRowsFor(hsCode, book.tariff), ...tariffRowsFor(hsCode, book.builtIn)];
  const changes = [...RULE_SETS.map((r) => r.effectiveFrom), ...rows.flatMap((r) => [r.from, r.until])].filter((d): d is string => d !== undefined && d > first && d <= last);
  return [...new Set([first, ...changes])].sort();
}

/** The channels of the scenario's arrivals that sell product `i`. */
function channelsSelling(scenario: Scenario, channels: readonly ChannelId[] | undefined): ChannelId[] {
  return scenario.arrivals.map((a) => a.channel).filter((c, i, all) => all.indexOf(c) === i && (channels === undefined || channels.includes(c)));
}

/**
 * Every catalogue product whose HS code is not a tariff line, or that no rate source covers for
 * a channel that sells it, on a day the run covers; and goods whose tax needs a measure they lack.
 */
export function coverageIssues(scenario: Scenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { book, products } = scenarioRates(scenario);
  scenario.catalogue.forEach((goods, i) => {
    const days = checkDays(scenario, goods.hsCode);
    const line = tariffLineProblem(goods.hsCode, days[0]!);
    if (line) issues.push({ path: ['catalogue', i, 'hsCode'], value: goods.hsCode, reason: `product '${goods.itemNo}' ${line}` });
    const channels = channelsSelling(scenario, goods.channels);
    const own = products.get(goods.itemNo);
    const gaps = new Map<NeededRate, { channels: Set<ChannelId>; day: string }>();
    for (const day of days) {
      const rates = productRates({ hsCode: goods.hsCode, ...(own?.rates ? { rates: own.rates } : {}) }, day, book);
      for (const channel of channels) {
        const importing = CHANNEL_PROFILES[channel].ieFlag === 'I';
        const needed: NeededRate[] = importing ? (rulesAt(day).regime === 'postal' ? ['postalCategory'] : ['duty']) : ['exportRebate'];
        for (const field of missingRates(rates, needed)) {
          const gap = gaps.get(field) ?? { channels: new Set<ChannelId>(), day };
          gap.channels.add(channel);
          gaps.set(field, gap);
        }
      }
      if (channels.some((c) => CHANNEL_PROFILES[c].ieFlag === 'I')) {
        for (const price of [goods.minPrice, goods.maxPrice]) {
          const problem = ratesAtPrice(rates, money(price), own?.measure);
          if (typeof problem === 'string') issues.push({ path: ['catalogue', i, 'measure'], value: goods.measure, reason: `product '${goods.itemNo}' (${goods.hsCode}): ${problem}.` });
        }
      }
    }
    for (const [field, gap] of gaps) issues.push({ path: ['catalogue', i, 'hsCode'], value: goods.hsCode, reason: uncovered(goods.itemNo, goods.hsCode, field, [...gap.channels], gap.day) });
  });
  return dedupe([...issues, ...positiveListIssues(scenario)]);
}

const WHAT: Readonly<Record<NeededRate, string>> = { duty: 'an MFN duty', exportRebate: 'an export rebate rate', postalCategory: 'a postal-articles category' };

function uncovered(itemNo: string, hsCode: string, field: NeededRate, channels: readonly ChannelId[], day: string): string {
  return `product '${itemNo}' (${hsCode}) is sold on ${channels.join(', ')}, but no rate source gives it ${WHAT[field]} on ${day}: give the product \`rates.${field}\`, or a \`tariff\` row that covers ${hsCode.slice(0, 4)}.`;
}

/** Lines of the positive list that are not tariff lines on the day the list came into force. */
function positiveListIssues(scenario: Scenario): ValidationIssue[] {
  const list = scenario.positiveList;
  if (!list) return [];
  return list.lines.flatMap((line, i) => {
    const problem = tariffLineProblem(line, list.version);
    return problem ? [{ path: ['positiveList', 'lines', i], value: line, reason: problem }] : [];
  });
}

function dedupe(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path.join('.')}|${issue.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The directory a scenario file's relative paths are read from. */
export function scenarioDir(path: string): string {
  return dirname(resolve(path));
}
