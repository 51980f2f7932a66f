/**
 * More of the schema check, where libxml2 draws its lines: schema-instance attributes,
 * attributes in other namespaces, fixed attribute values, xsi:type with an unbound prefix,
 * default values of empty elements, elements after the last one a model allows, and a root that
 * is not the one declared.
 */
import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../src/messages/parse.js';
import { messageSpec } from '../../src/messages/registry.js';
import { schemaIssues } from '../../src/messages/schema/check.js';
import { rootDeclaration } from '../../src/messages/schema/declarations.js';
import { readXml } from '../../src/messages/xml/read-xml.js';
import { described, fixture, withValue } from './helpers.js';

const order = fixture('CEB311');
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const schema = (xml: string) => described(validateMessage(xml, { level: 'schema' }));

describe('attributes', () => {
  it('xsi:noNamespaceSchemaLocation is allowed like xsi:schemaLocation; another xsi attribute is not', () => {
    expect(schema(order.replace('<ceb:OrderHead>', `<ceb:OrderHead ${XSI} xsi:noNamespaceSchemaLocation="a.xsd">`))).toEqual([]);
    expect(schema(order.replace('<ceb:OrderHead>', `<ceb:OrderHead ${XSI} xsi:foo="1">`))).toEqual([
      'Order.0.OrderHead.@xsi:foo @4 [schema]: is not an attribute of the schema-instance namespace; remove it.',
    ]);
  });

  it('an attribute in another namespace is not an attribute of a CEB element, named as written, even with a declared name', () => {
    expect(schema(order.replace('<ceb:OrderHead>', '<ceb:OrderHead xmlns:o="urn:o" o:id="1">'))).toEqual(['Order.0.OrderHead.@o:id @4 [schema]: is not an attribute of OrderHead; remove it.']);
    expect(schema(order.replace('B8022E421038" version="1.0"', 'B8022E421038" version="1.0" xmlns:o="urn:o" o:version="1.0.0.0.0.0"'))).toEqual(['@o:version @2 [schema]: is not an attribute of CEB311Message; remove it.']);
  });

  it('xsi:type whose prefix is not bound names no type', () => {
    expect(schema(order.replace('<ceb:gnum>', `<ceb:gnum ${XSI} xsi:type="zz:int">`)).map((l) => l.replace(/ @\d+/, ''))).toEqual([
      'Order.0.OrderList.0.gnum.@xsi:type [schema]: may only name the type the schema declares gnum with, int in http://www.w3.org/2001/XMLSchema.',
    ]);
  });

  it('a fixed attribute takes only its value: the envelope ver is 1.0', () => {
    const trans = '<TransInfo><CopMsgId>1</CopMsgId><SenderId>S</SenderId><ReceiverIds><ReceiverId>R</ReceiverId></ReceiverIds><CreatTime>2022-06-15T10:30:15</CreatTime><MsgType>CEB311Message</MsgType></TransInfo>';
    const envelope = (ver: string) => `<DxpMsg xmlns="http://www.chinaport.gov.cn/dxp" ver="${ver}">${trans}<Data>${Buffer.from(order).toString('base64')}</Data></DxpMsg>`;
    expect(schema(envelope('1.0'))).toEqual([]);
    expect(schema(envelope('1.1'))).toEqual(['@ver @1 [schema]: must be "1.0".']);
  });
});

describe('values and content', () => {
  it('an empty element stands for its default: appStatus of an export order, freight 0', () => {
    const exportOrder = fixture('CEB303');
    expect(schema(withValue(withValue(exportOrder, 'appStatus', ''), 'freight', ''))).toEqual([]);
    expect(schema(withValue(exportOrder, 'goodsValue', ''))).toEqual(['Order.0.OrderHead.goodsValue @15 [schema]: is not a decimal number such as 120.50.']);
  });

  it('an unknown element where optional elements may stand names each element expected there', () => {
    expect(schema(order.replace('<ceb:batchNumbers>', '<ceb:lot>1</ceb:lot><ceb:batchNumbers>'))).toEqual([
      'Order.0.OrderHead.lot @29 [schema]: is not an element here (expected batchNumbers or consignee); remove it or fix its name or namespace.',
    ]);
  });

  it('the text of a field with an element inside is its text pieces alone, for the business check too', () => {
    const inner = order.replace('<ceb:consigneeDistrict>440106<', '<ceb:consigneeDistrict>44<b/>0106<');
    expect(described(validateMessage(inner))).toEqual(['Order.0.OrderHead.consigneeDistrict @33 [schema]: must hold text, not elements; remove the elements inside consigneeDistrict.']);
  });

  it('an element after the last one the model allows: nothing more is expected', () => {
    expect(schema(order.replace('</ceb:CEB311Message>', '<ceb:Extra/></ceb:CEB311Message>')).map((l) => l.replace(/ @\d+/, ''))).toEqual([
      'Extra [schema]: is not an element here (expected nothing more); remove it or fix its name or namespace.',
    ]);
  });

  it('an element moved later is missing where it belonged, named with what was expected there', () => {
    const swapped = order.replace('<ceb:appType>1</ceb:appType>', '').replace('<ceb:appStatus>2</ceb:appStatus>', '<ceb:appStatus>2</ceb:appStatus><ceb:appType>1</ceb:appType>');
    expect(schema(swapped)).toEqual(['Order.0.OrderHead.appType @7 [schema]: is required before appTime but missing; add it (expected appType).']);
  });

  it('a root other than the one declared, by name or by namespace, is named with both', () => {
    const read = readXml('<ceb:CEB312Message xmlns:ceb="http://www.chinaport.gov.cn/ceb"/>', { maxDepth: 8, maxRepeat: 8 });
    if (!('root' in read)) throw new Error(read.problem);
    expect(described(schemaIssues(read.root, rootDeclaration(messageSpec('CEB311'), 'CEB311Message')))).toEqual([
      ' @1 [schema]: is <ceb:CEB312Message> in namespace "http://www.chinaport.gov.cn/ceb", not <CEB311Message> in "http://www.chinaport.gov.cn/ceb".',
    ]);
    const other = readXml('<CEB311Message xmlns="urn:other"/>', { maxDepth: 8, maxRepeat: 8 });
    if (!('root' in other)) throw new Error(other.problem);
    expect(described(schemaIssues(other.root, rootDeclaration(messageSpec('CEB311'), 'CEB311Message')))).toEqual([
      ' @1 [schema]: is <CEB311Message> in namespace "urn:other", not <CEB311Message> in "http://www.chinaport.gov.cn/ceb".',
    ]);
  });
});
