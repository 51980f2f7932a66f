/**
 * Calendar days of rule dates in Asia/Shanghai, on the hot path of every tax question
 * (`shanghaiDate` in `src/sim/clock.ts` does the fast fixed-offset arithmetic).
 *
 * @internal
 */
import { RuleError, ValidationError } from '../domain/errors.js';
import { shanghaiDate, toEpoch } from '../sim/clock.js';

const PLAIN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The Shanghai calendar day (`'YYYY-MM-DD'`) of a rule date: a Date, epoch ms, an ISO date-time,
 * or a plain `'YYYY-MM-DD'` (taken as it is).
 *
 * @throws {@link RuleError} naming `field` for anything else, including an impossible date (`'2019-02-30'`)
 * @internal
 */
export function ruleDay(value: Date | string | number, field = 'date'): string {
  if (typeof value === 'string' && isRealPlainDay(value)) return value;
  try {
    return shanghaiDate(toEpoch(value, field));
  } catch (e) {
    if (e instanceof ValidationError) throw new RuleError(e.issues);
    throw e;
  }
}

function isRealPlainDay(text: string): boolean {
  const match = PLAIN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && year >= 1;
}
