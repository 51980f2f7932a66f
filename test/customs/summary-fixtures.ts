import type { SummaryCandidate } from '../../src/customs/summary.js';
import { money } from '../../src/money/money.js';
import { toEpoch } from '../../src/sim/clock.js';

/** A summary line of `totalPrice` CNY under `hsCode`. */
export const line = (hsCode: string, totalPrice: string, finalDestination = '502') => ({ hsCode, currency: '142', finalDestination, totalPrice: money(totalPrice) });

/** A released retail export list of one line (100 CNY of T-shirts to 502), with `overrides`. */
export function list(invtNo: string, released: string, overrides: Partial<SummaryCandidate> = {}): SummaryCandidate {
  return {
    invtNo,
    releasedAt: toEpoch(released),
    customsCode: '5141',
    consignorCode: '4401960DEF',
    trafMode: '5',
    ownerCode: '4401960DEF',
    destinationCountry: '502',
    exitPort: '5141',
    lines: [line('6109100021', '100.00')],
    ...overrides,
  };
}
