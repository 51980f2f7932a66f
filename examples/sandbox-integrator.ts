/**
 * Integrator example: a platform team's test suite against the sandbox. Their order service (here
 * a small stand-in, `OrderService`) sends the CEB messages of each order and reads the receipts
 * customs returns; each check starts from a scenario an integrator must handle: the happy path,
 * a detention after inspection (scripted with `X-Cbec-Script`), a payment that never comes, and a
 * cancellation. The sandbox runs in-process, in memory, on a manual clock.
 *
 * Run: `npx tsx examples/sandbox-integrator.ts`.
 */
import fc from 'fast-check';
import { cancelMessage, declarationMessages, SAMPLE_SENDERS, startSandbox, type SandboxClient } from '../src/sandbox/index.js';
import { channelDocuments, type DocumentSet } from '../src/testing/index.js';
import { runIfMain } from './run-if-main.js';

/** The integrator's side: what their service would do with the sandbox, and what it believes. */
class OrderService {
  constructor(private readonly customs: SandboxClient) {}

  /** Declares the order's documents; `script` forces customs' path (for tests only). */
  async declare(docs: DocumentSet, options: { readonly skip?: 'payment'; readonly script?: string } = {}): Promise<void> {
    const xml = declarationMessages(docs);
    for (const message of [xml.order, options.skip === 'payment' ? undefined : xml.payment, xml.waybill, xml.list]) {
      if (message !== undefined) await this.customs.send(message, options.script === undefined ? {} : { script: options.script });
    }
  }

  /** The declarant's view: the last list receipt of the order, as `CEB622 <status> <info>`. */
  async listStatus(orderNo: string): Promise<string> {
    const { receipts } = await this.customs.receipts(SAMPLE_SENDERS.declarant.dxpId, { after: 0, limit: 1000 });
    const last = receipts.filter((r) => r.orderNo === orderNo && r.type === 'CEB622').at(-1);
    return last === undefined ? 'none' : `${last.type} ${last.status} ${last.info}`;
  }

  async cancel(docs: DocumentSet): Promise<string> {
    const invtNo = (await this.customs.order(docs.order.orderNo))?.invtNo ?? '';
    await this.customs.send(cancelMessage(docs, invtNo));
    const { receipts } = await this.customs.receipts(SAMPLE_SENDERS.declarant.dxpId, { after: 0, limit: 1000 });
    const answer = receipts.filter((r) => r.orderNo === docs.order.orderNo && r.type === 'CEB624').at(-1);
    return answer === undefined ? 'none' : `${answer.type} ${answer.status}`;
  }
}

/** Runs the suite; returns one line per check. */
export async function main(): Promise<string> {
  const orders = fc.sample(channelDocuments('9610-import'), { seed: 2024, numRuns: 4 });
  const sandbox = await startSandbox();
  const service = new OrderService(sandbox.client);
  const lines: string[] = [];
  const check = (name: string, actual: string, expected: RegExp) => lines.push(`${expected.test(actual) ? 'ok  ' : 'FAIL'} ${name}: ${actual}`);
  try {
    const [happy, detained, unpaid, cancelled] = orders as [DocumentSet, DocumentSet, DocumentSet, DocumentSet];
    await service.declare(happy);
    check('happy path is released', await service.listStatus(happy.order.orderNo), /^CEB622 800 /);

    await service.declare(detained, { script: 'inspect:detain-502' });
    check('inspection is ordered', await service.listStatus(detained.order.orderNo), /^CEB622 500 /);
    await sandbox.client.advance('2d');
    check('then the goods are detained (anti-smuggling)', await service.listStatus(detained.order.orderNo), /^CEB622 502 /);

    await service.declare(unpaid, { skip: 'payment' });
    await sandbox.client.advance('25h');
    check('a list without its payment is refused when the wait runs out', await service.listStatus(unpaid.order.orderNo), /^CEB622 100 支付单不存在/);

    await service.declare(cancelled, { script: 'review' });
    check('a cancellation during review is granted', await service.cancel(cancelled), /^CEB624 120$/);
  } finally {
    await sandbox.close();
  }
  return lines.join('\n');
}

await runIfMain(import.meta.url, main);
