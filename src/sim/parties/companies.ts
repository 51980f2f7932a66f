/**
 * The companies of a simulated run. Codes are made-up 10-character customs registration codes in
 * the Guangzhou (4401) pattern [A], except Tenpay's payment code, which is real (docs/domain.md §1.2 [C]).
 */
import type { Party } from '../../domain/model.js';

/** The parties every order of a run deals with. */
export interface Companies {
  readonly ebp: Party;
  readonly ebc: Party;
  readonly exporter: Party;
  readonly payment: Party;
  readonly logistics: Party;
  readonly agent: Party;
  readonly area: Party;
}

/** The default cast of a Guangzhou run [A]. */
export const DEFAULT_COMPANIES: Companies = {
  ebp: { role: 'ebp', code: '4401960XXA', name: 'Yangcheng Global Mall' },
  ebc: { role: 'ebc', code: '4401980ZZB', name: 'Sakura Beauty Trading Co.' },
  exporter: { role: 'ebc', code: '4401910EXC', name: 'Pearl River Export Goods Co.' },
  payment: { role: 'payment', code: '4403169D3W', name: 'Tenpay (WeChat Pay)' },
  logistics: { role: 'logistics', code: '4401980LGX', name: 'Baiyun Express Logistics' },
  agent: { role: 'agent', code: '4401980DCL', name: 'Nansha Customs Declaration Services' },
  area: { role: 'area', code: '4401630BZW', name: 'Nansha Bonded Warehouse Operations' },
};
