import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { buildMessage } from '../../src/messages/build.js';
import { parseMessage, validateMessage } from '../../src/messages/parse.js';
import { MESSAGE_TYPES, messageSpec } from '../../src/messages/registry.js';
import { testSigner } from '../../src/messages/signer.js';
import { messageData } from '../../src/testing/message-data.js';

// 38 types x 2 properties: fewer runs per type than the global default keep the suite quick.
const RUNS = { numRuns: 25 };

describe.each(MESSAGE_TYPES)('%s round trip', (type) => {
  const data = messageData(messageSpec(type));

  test.prop([data, fc.boolean()], RUNS)('parseMessage(buildMessage(x)) gives back x, signed or not', (x, signed) => {
    const xml = buildMessage(type, x, signed ? { signer: testSigner } : {});
    const parsed = parseMessage(xml);
    expect(parsed.type).toBe(type);
    expect(parsed.data).toEqual(x);
  });

  test.prop([data], RUNS)('validateMessage(buildMessage(x)) finds nothing', (x) => {
    expect(validateMessage(buildMessage(type, x))).toEqual([]);
  });
});
