/** CEB900 schema-validation error receipt (MessageReturn), common to import and export (docs/domain.md §2.2). */
import { GUID, RETURN_STATUS, RETURN_TIME } from '../formats.js';
import { one, req, type MessageSpec } from '../spec.js';
import { customsMessage } from './common.js';

/** CEB900 报文格式校验回执: the message could not be read; oriBizMessage quotes what was sent. */
export const CEB900: MessageSpec = customsMessage(
  'CEB900',
  one('MessageReturn', [
    req('guid', 36, GUID),
    req('returnStatus', 9, RETURN_STATUS),
    req('returnTime', 17, RETURN_TIME),
    req('returnInfo', 1000),
    req('oriCopMsgId', 64),
    req('oriMessageType', 20),
    req('oriBizMessage', 4000),
  ]),
);
