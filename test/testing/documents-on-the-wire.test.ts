import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import type { ChannelId } from '../../src/channels/registry.js';
import { formatGuid } from '../../src/domain/identifiers.js';
import { money } from '../../src/money/money.js';
import { buildMessage } from '../../src/messages/build.js';
import { inventoryToCeb603, orderToCeb303, waybillToCeb505 } from '../../src/messages/map-export.js';
import { inventoryToCeb621, orderToCeb311, paymentToCeb411, waybillToCeb511 } from '../../src/messages/map-import.js';
import { validateMessage } from '../../src/messages/parse.js';
import { testSigner } from '../../src/messages/signer.js';
import type { MessageType } from '../../src/messages/registry.js';
import type { MessageData } from '../../src/messages/spec.js';
import { channelDocuments, type DocumentSet } from '../../src/testing/index.js';

const transfer = { copCode: '4401960ABC', copName: '广州某电商平台', dxpId: 'DXPENT0000458763' };
const facts = { trafMode: '5', country: '116', packNo: 1, grossWeightKg: money('1.5'), netWeightKg: money('1.2') };

function messages(docs: DocumentSet): [MessageType, MessageData][] {
  const header = { guid: formatGuid([1, 2, 3, 4]), appTime: docs.order.placedAt };
  if (docs.order.ieFlag === 'I') {
    return [
      ['CEB311', orderToCeb311(docs.order, header, transfer, docs.payment)],
      ['CEB411', paymentToCeb411(docs.payment!, header, transfer, docs.order.ebp.name)],
      ['CEB511', waybillToCeb511(docs.waybill, header, transfer)],
      ['CEB621', inventoryToCeb621(docs.list, header, transfer, { ...facts, consigneeAddress: docs.order.consignee?.address.line ?? '' })],
    ];
  }
  return [
    ['CEB303', orderToCeb303(docs.order, header, transfer)],
    ['CEB505', waybillToCeb505(docs.waybill, header, transfer, { ...docs.order.ebc, telephone: '02088888888' })],
    ['CEB603', inventoryToCeb603(docs.list, header, transfer, { ...facts, statisticsFlag: 'A', pod: 'LAX', owner: { code: 'NO', name: docs.order.ebc.name } })],
  ];
}

const CHANNELS: readonly ChannelId[] = ['9610-import', '1210-import', '1239-import', '9610-export', '1210-export', '9710', '9810'];

describe.each(CHANNELS)('documents of channel %s on the wire', (id) => {
  test.prop([channelDocuments(id)], { numRuns: 15 })('map to CEB messages that build and validate', (docs) => {
    for (const [type, data] of messages(docs)) expect(validateMessage(buildMessage(type, data, { signer: testSigner })), type).toEqual([]);
  });
});
