/**
 * End to end over HTTP: a real sandbox on a loopback port, real XML built by the library, each
 * channel's happy path and the main unhappy paths, with the exact receipt sequence each gets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/messages/parse.js';
import { cancelMessage, returnMessage, summaryMessage, transportMessage, waybillStatusMessage } from '../../src/sandbox/requests.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/start.js';
import { declarationMessages, documentsFor, inOrder, pulledLines, SENDER_IDS, sendAll } from './fixtures.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

const IMPORT_DOCUMENTS = ['CEB312 2', 'CEB312 3', 'CEB312 120', 'CEB412 2', 'CEB412 3', 'CEB412 120', 'CEB512 2', 'CEB512 3', 'CEB512 120'];
const LIST_ACCEPTED = ['CEB622 2', 'CEB622 3', 'CEB622 120'];
const EXPORT_DOCUMENTS = ['CEB304 2', 'CEB304 3', 'CEB304 120', 'CEB404 2', 'CEB404 3', 'CEB404 120', 'CEB604 2', 'CEB604 3', 'CEB506 2', 'CEB506 3', 'CEB506 120', 'CEB604 120'];
const EXPORT_TAIL = ['CEB604 399', 'CEB508 120', 'CEB604 800', 'CEB510 120', 'CEB604 899'];

const invtNoOf = async (orderNo: string): Promise<string> => {
  const invtNo = (await sandbox.client.order(orderNo))?.invtNo;
  if (!invtNo) throw new Error(`${orderNo} has no list number`);
  return invtNo;
};

describe('retail import (9610, 1210, 1239)', () => {
  it.each([['9610-import', 101], ['1210-import', 121], ['1239-import', 131]] as const)('%s: documents, tax bill, decision, release, delivery and close (899) after the return window', async (channel, seed) => {
    const docs = documentsFor(channel, seed);
    await sendAll(sandbox.client, inOrder(declarationMessages(docs)));
    expect(await pulledLines(sandbox.client, docs.order.orderNo)).toEqual([...IMPORT_DOCUMENTS, ...LIST_ACCEPTED, 'CEB816 1', 'CEB622 399', 'CEB622 800']);
    await sandbox.client.advance('31d');
    expect((await pulledLines(sandbox.client, docs.order.orderNo)).slice(-2)).toEqual(['CEB818 2', 'CEB622 899']);
    expect((await sandbox.client.order(docs.order.orderNo))?.state).toBe('closed');
  });

  it('matches the three documents whatever order the senders send them in (list first)', async () => {
    const docs = documentsFor('9610-import', 102);
    const xml = declarationMessages(docs);
    await sendAll(sandbox.client, [xml.list, xml.waybill, xml.payment ?? '', xml.order]);
    expect(await pulledLines(sandbox.client, docs.order.orderNo)).toEqual([
      'CEB622 2', 'CEB622 3', 'CEB512 2', 'CEB512 3', 'CEB512 120', 'CEB412 2', 'CEB412 3', 'CEB412 120', 'CEB312 2', 'CEB312 3', 'CEB312 120',
      'CEB622 120', 'CEB816 1', 'CEB622 399', 'CEB622 800',
    ]);
  });

  it('inspect:detain-502 (X-Cbec-Script header): inspection 500 at once, detention 502 and the tax bill void once the inspection time has passed', async () => {
    const docs = documentsFor('9610-import', 103);
    await sendAll(sandbox.client, inOrder(declarationMessages(docs)), 'inspect:detain-502');
    expect((await pulledLines(sandbox.client, docs.order.orderNo)).slice(-3)).toEqual(['CEB816 1', 'CEB622 399', 'CEB622 500']);
    await sandbox.client.advance('2d');
    expect((await pulledLines(sandbox.client, docs.order.orderNo)).slice(-2)).toEqual(['CEB818 3', 'CEB622 502']);
    expect((await sandbox.client.order(docs.order.orderNo))?.state).toBe('detained');
  });

  it('review (cbec-script in the note): manual review 300, then the decision after the review time', async () => {
    const docs = documentsFor('1210-import', 104);
    await sendAll(sandbox.client, inOrder(declarationMessages(docs, { note: 'cbec-script: review' })));
    expect((await pulledLines(sandbox.client, docs.order.orderNo)).slice(-2)).toEqual(['CEB622 120', 'CEB622 300']);
    await sandbox.client.advance('1d');
    expect((await pulledLines(sandbox.client, docs.order.orderNo)).slice(-3)).toEqual(['CEB816 1', 'CEB622 399', 'CEB622 800']);
  });

  it('a script set by the admin call before the documents arrive: reject:payer-mismatch refuses the list (100) with its reason', async () => {
    const docs = documentsFor('9610-import', 105);
    await sandbox.client.setScript(docs.order.orderNo, 'reject:payer-mismatch');
    await sendAll(sandbox.client, inOrder(declarationMessages(docs)));
    expect((await pulledLines(sandbox.client, docs.order.orderNo)).slice(-1)).toEqual(['CEB622 100']);
    const { receipts } = await sandbox.client.receipts('DXPENT0000000004', { after: 0, limit: 1000 });
    expect(receipts.filter((r) => r.orderNo === docs.order.orderNo).at(-1)?.info).toContain('订购人与支付人不一致');
  });

  it('a missing payment: the list waits, then is refused (100, payment not found) when the document wait runs out', async () => {
    const docs = documentsFor('9610-import', 106);
    const xml = declarationMessages(docs);
    await sendAll(sandbox.client, [xml.order, xml.waybill, xml.list]);
    await sandbox.client.advance('23h');
    expect((await pulledLines(sandbox.client, docs.order.orderNo)).slice(-1)).toEqual(['CEB622 3']);
    await sandbox.client.advance('2h');
    const last = (await sandbox.client.receipts('DXPENT0000000004', { after: 0, limit: 1000 })).receipts.filter((r) => r.orderNo === docs.order.orderNo).at(-1);
    expect([last?.type, last?.status, last?.info]).toEqual(['CEB622', 100, '支付单不存在 (payment not found)']);
  });

  it('send-fail:order: the e-port fails to forward the order (4); the platform sends it again (2, 3, 120)', async () => {
    const docs = documentsFor('9610-import', 107);
    const xml = declarationMessages(docs);
    await sendAll(sandbox.client, [xml.order], 'send-fail:order');
    expect(await pulledLines(sandbox.client, docs.order.orderNo)).toEqual(['CEB312 2', 'CEB312 4']);
    await sendAll(sandbox.client, [declarationMessages(docs, { seed: 2 }).order]);
    expect(await pulledLines(sandbox.client, docs.order.orderNo)).toEqual(['CEB312 2', 'CEB312 4', 'CEB312 2', 'CEB312 3', 'CEB312 120']);
  });

  it('quota and stock refusals: reject:quota-exceeded after acceptance, reject:stock-shortage on declaration (1210)', async () => {
    const quota = documentsFor('9610-import', 108);
    await sendAll(sandbox.client, inOrder(declarationMessages(quota)), 'reject:quota-exceeded');
    expect((await pulledLines(sandbox.client, quota.order.orderNo)).slice(-2)).toEqual(['CEB622 120', 'CEB622 100']);
    const stock = documentsFor('1210-import', 109);
    await sendAll(sandbox.client, inOrder(declarationMessages(stock)), 'reject:stock-shortage');
    expect((await pulledLines(sandbox.client, stock.order.orderNo)).slice(-1)).toEqual(['CEB622 100']);
    expect((await sandbox.client.order(stock.order.orderNo))?.state).toBe('rejected');
  });

  it('cancellation (CEB623) during review is granted (CEB624 120); after the goods left the site it is refused (100)', async () => {
    const early = documentsFor('1210-import', 110);
    await sendAll(sandbox.client, inOrder(declarationMessages(early)), 'review');
    await sendAll(sandbox.client, [cancelMessage(early, await invtNoOf(early.order.orderNo))]);
    expect((await pulledLines(sandbox.client, early.order.orderNo)).slice(-2)).toEqual(['CEB622 300', 'CEB624 120']);
    expect((await sandbox.client.order(early.order.orderNo))?.state).toBe('cancelled');
    const late = documentsFor('9610-import', 111);
    await sendAll(sandbox.client, inOrder(declarationMessages(late)));
    await sandbox.client.advance('2h');
    await sendAll(sandbox.client, [cancelMessage(late, await invtNoOf(late.order.orderNo))]);
    expect((await pulledLines(sandbox.client, late.order.orderNo)).slice(-1)).toEqual(['CEB624 100']);
  });

  it('return (CEB625) after delivery (CEB513 S): accepted (CEB626 399), goods back, tax bill void, order returned', async () => {
    const docs = documentsFor('9610-import', 112);
    await sendAll(sandbox.client, inOrder(declarationMessages(docs)), 'return:day-3');
    await sandbox.client.advance('2h');
    await sendAll(sandbox.client, [waybillStatusMessage(docs, 'S'), returnMessage(docs, await invtNoOf(docs.order.orderNo))]);
    await sandbox.client.advance('6d');
    expect((await pulledLines(sandbox.client, docs.order.orderNo)).slice(-4)).toEqual(['CEB622 800', 'CEB514 120', 'CEB626 399', 'CEB818 3']);
    expect((await sandbox.client.order(docs.order.orderNo))?.state).toBe('returned');
  });
});

describe('export (9610, 1210, 9710, 9810)', () => {
  it.each([['9610-export', 201], ['1210-export', 211], ['9710', 221]] as const)('%s: documents, arrival (CEB507), release, departure (CEB509), close', async (channel, seed) => {
    const docs = documentsFor(channel, seed);
    await sendAll(sandbox.client, inOrder(declarationMessages(docs)));
    await sendAll(sandbox.client, [transportMessage(docs, 'arrival'), transportMessage(docs, 'departure')]);
    await sandbox.client.advance('1d');
    const documents = channel === '9710' ? EXPORT_DOCUMENTS.filter((l) => !l.startsWith('CEB404')) : EXPORT_DOCUMENTS;
    expect(await pulledLines(sandbox.client, docs.order.orderNo)).toEqual([...documents, ...EXPORT_TAIL]);
  });

  it('9810: after closing, the goods are stocked in the overseas warehouse and later sold', async () => {
    const docs = documentsFor('9810', 202);
    await sendAll(sandbox.client, [...inOrder(declarationMessages(docs)), transportMessage(docs, 'arrival'), transportMessage(docs, 'departure')]);
    await sandbox.client.advance('1d');
    expect((await sandbox.client.order(docs.order.orderNo))?.state).toBe('overseas.awaitingStock');
    await sandbox.client.advance('400d');
    expect((await sandbox.client.order(docs.order.orderNo))?.state).toBe('sold');
  });

  it('no arrival report within 72 hours of the decision: the list is refused (100, arrival never reported)', async () => {
    const docs = documentsFor('9610-export', 203);
    await sendAll(sandbox.client, inOrder(declarationMessages(docs)));
    await sandbox.client.advance('73h');
    expect((await pulledLines(sandbox.client, docs.order.orderNo)).slice(-2)).toEqual(['CEB604 399', 'CEB604 100']);
    expect((await sandbox.client.order(docs.order.orderNo))?.state).toBe('arrivalLapsed');
  });

  it('cancellation (CEB605) before departure is granted (CEB606 399)', async () => {
    const docs = documentsFor('9610-export', 204);
    await sendAll(sandbox.client, [...inOrder(declarationMessages(docs)), transportMessage(docs, 'arrival')]);
    await sendAll(sandbox.client, [cancelMessage(docs, await invtNoOf(docs.order.orderNo))]);
    expect((await pulledLines(sandbox.client, docs.order.orderNo)).slice(-2)).toEqual(['CEB604 800', 'CEB606 399']);
  });

  it('summary declaration (CEB701) of a released list: CEB702 2, 3, 399 and a CEB792 naming the declaration; a second one is refused', async () => {
    const docs = documentsFor('9610-export', 205);
    await sendAll(sandbox.client, [...inOrder(declarationMessages(docs)), transportMessage(docs, 'arrival')]);
    const invtNo = await invtNoOf(docs.order.orderNo);
    const { receipts: before } = await sandbox.client.receipts('DXPENT0000000004', { after: 0, limit: 1000 });
    const from = before.at(-1)?.cursor ?? 0;
    await sendAll(sandbox.client, [summaryMessage(docs, [invtNo]), summaryMessage(docs, [invtNo], { attempt: 2 })]);
    const { receipts } = await sandbox.client.receipts('DXPENT0000000004', { after: from, limit: 1000 });
    expect(receipts.map((r) => `${r.type} ${r.status}`)).toEqual(['CEB702 2', 'CEB702 3', 'CEB702 399', 'CEB792 399', 'CEB702 100']);
    const result = parseMessage(receipts[3]?.xml ?? '');
    expect(JSON.stringify(result.data)).toContain(invtNo);
  });
});

describe('the CEB interface', () => {
  it('answers an unreadable message at once with CEB900 (returnStatus -1)', async () => {
    const outcome = await sandbox.client.send('<ceb:CEB311Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="x" version="1.0"/>');
    expect(outcome.status).toBe(400);
    const receipt = parseMessage(outcome.status === 400 ? outcome.receipt : '');
    expect(receipt.type).toBe('CEB900');
    expect(JSON.stringify(receipt.data)).toContain('"returnStatus":"-1"');
  });

  it('takes the same guid once: a resent message is acknowledged as a duplicate and changes nothing', async () => {
    const docs = documentsFor('9610-import', 301);
    const xml = declarationMessages(docs).order;
    const first = await sandbox.client.send(xml);
    const again = await sandbox.client.send(xml);
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.status === 202 && again.duplicate).toBe(true);
    expect(await pulledLines(sandbox.client, docs.order.orderNo)).toEqual(['CEB312 2', 'CEB312 3', 'CEB312 120']);
  });

  it('takes several messages in one request ({"messages": [...]}) and a message in a DXP envelope', async () => {
    const { wrapDxp } = await import('../../src/messages/dxp.js');
    const docs = documentsFor('9610-import', 302);
    const xml = declarationMessages(docs);
    const wrapped = wrapDxp(xml.list, { copMsgId: 'M1', senderId: 'DXPENT0000000004', receiverIds: ['DXPEDCCEB0000002'], createTime: '2024-01-15T09:00:00', msgType: 'CEB621Message' });
    const outcomes = await sandbox.client.sendBatch([xml.order, xml.payment ?? '', xml.waybill, wrapped]);
    expect(outcomes.map((o) => o.status)).toEqual([202, 202, 202, 202]);
    expect((await pulledLines(sandbox.client, docs.order.orderNo)).slice(-2)).toEqual(['CEB622 399', 'CEB622 800']);
  });

  it('hands receipts out from the acknowledged cursor until acknowledged (at least once, in order)', async () => {
    const receiver = 'DXPENT0000000003';
    const first = await sandbox.client.receipts(receiver, { limit: 3 });
    const again = await sandbox.client.receipts(receiver, { limit: 3 });
    expect(again.receipts.map((r) => r.guid)).toEqual(first.receipts.map((r) => r.guid));
    await sandbox.client.ack(receiver, first.next);
    const next = await sandbox.client.receipts(receiver, { limit: 3 });
    expect(next.receipts[0]?.cursor).toBeGreaterThan(first.next);
    expect(next.acked).toBe(first.next);
  });
});

describe('receipts as written', () => {
  // receipts are checked field by field and written, not read back: every one of them, of every
  // kind the runs above caused, must still pass the schema check of a full read
  it('every receipt of every run above reads back as a schema-valid message of its type', async () => {
    const kinds = new Set<string>();
    for (const receiver of SENDER_IDS) {
      const { receipts } = await sandbox.client.receipts(receiver, { after: 0, limit: 1000 });
      for (const receipt of receipts) {
        expect(parseMessage(receipt.xml).type).toBe(receipt.type);
        kinds.add(receipt.type);
      }
    }
    expect([...kinds].sort()).toEqual(['CEB304', 'CEB312', 'CEB404', 'CEB412', 'CEB506', 'CEB508', 'CEB510', 'CEB512', 'CEB514', 'CEB604', 'CEB606', 'CEB622', 'CEB624', 'CEB626', 'CEB702', 'CEB792', 'CEB816', 'CEB818']);
  });
});
