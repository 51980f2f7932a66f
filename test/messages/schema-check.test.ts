import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../src/messages/parse.js';
import { described, fixture, withValue, without } from './helpers.js';

const order = fixture('CEB311');
const schema = (xml: string) => described(validateMessage(xml, { level: 'schema' }));

describe('the schema-level check reports what the XSD rejects, where libxml2 reports it', () => {
  it('a missing element in the middle of a sequence: at the next element (line 7), naming the one missing', () => {
    expect(schema(without(order, 'appType'))).toEqual(['Order.0.OrderHead.appType @6 [schema]: is required before appTime but missing; add it (expected appType).']);
  });

  it('a missing element at the end of a node: at the node (line 4), the last required one named', () => {
    const xml = order.replace(/\s*<ceb:consignee>[\s\S]*?<\/ceb:note>/, '');
    expect(schema(xml)).toEqual(['Order.0.OrderHead.consignee @4 [schema]: is required in OrderHead but missing; add it.']);
  });

  it('a repeated element that may occur once: at the second one, then nothing more in that node is looked at', () => {
    const xml = order.replace('<ceb:ebcName>广州出海优品有限公司</ceb:ebcName>', '<ceb:ebcName>广州出海优品有限公司</ceb:ebcName><ceb:ebcName>x</ceb:ebcName>').replace('<ceb:freight>20.00', '<ceb:freight>abc');
    expect(schema(xml)).toEqual(['Order.0.OrderHead.ebcName.1 @14 [schema]: is out of order or repeated too often (expected goodsValue here).']);
  });

  it('an unknown element, an element of another namespace, and one without a namespace', () => {
    expect(schema(order.replace('<ceb:appType>', '<ceb:appTipe>1</ceb:appTipe><ceb:appType>'))).toEqual([
      'Order.0.OrderHead.appTipe @6 [schema]: is not an element here (expected appType); remove it or fix its name or namespace.',
    ]);
    expect(schema(order.replace('<ceb:appType>1</ceb:appType>', '<appType xmlns="urn:other">1</appType>'))).toEqual([
      'Order.0.OrderHead.appType @6 [schema]: is not an element here (expected appType); remove it or fix its name or namespace.',
    ]);
  });

  it('a value error does not stop the node: later values and order are still checked', () => {
    const xml = withValue(withValue(order, 'appStatus', '2222'), 'buyerName', '');
    expect(schema(xml)).toEqual([
      'Order.0.OrderHead.appStatus @8 [schema]: has 4 characters; it takes at most 3.',
      'Order.0.OrderHead.buyerName @22 [schema]: has 0 characters; it needs at least 1.',
    ]);
  });

  it('text between elements, even a CDATA section of spaces, and elements inside a text field', () => {
    expect(schema(order.replace('<ceb:OrderHead>', '<ceb:OrderHead>x'))).toEqual(['Order.0.OrderHead @4 [schema]: holds text between its elements; OrderHead holds only elements.']);
    expect(schema(order.replace('<ceb:OrderHead>', '<ceb:OrderHead><![CDATA[ ]]>'))).toEqual(['Order.0.OrderHead @4 [schema]: holds text between its elements; OrderHead holds only elements.']);
    expect(schema(withValue(order, 'consigneeDistrict', '44').replace('<ceb:consigneeDistrict>44', '<ceb:consigneeDistrict>44<b/>'))).toEqual([
      'Order.0.OrderHead.consigneeDistrict @33 [schema]: must hold text, not elements; remove the elements inside consigneeDistrict.',
    ]);
  });

  it('comments, processing instructions and CDATA inside a value are fine', () => {
    expect(schema(withValue(order, 'consigneeDistrict', '44').replace('<ceb:consigneeDistrict>44', '<ceb:consigneeDistrict>44<!-- c --><?pi x?><![CDATA[01]]>06'))).toEqual([]);
  });

  it('attributes: unknown ones, xsi:nil, a missing version, a 35-character guid', () => {
    expect(schema(order.replace('<ceb:OrderHead>', '<ceb:OrderHead foo="1">'))).toEqual(['Order.0.OrderHead.@foo @4 [schema]: is not an attribute of OrderHead; remove it.']);
    expect(schema(order.replace('<ceb:note>', '<ceb:note xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true">'))).toEqual([
      'Order.0.OrderHead.note.@xsi:nil @34 [schema]: may not be used: note is not nillable; leave the element out or give it a value.',
    ]);
    expect(schema(order.replace(' version="1.0" xmlns', ' xmlns'))).toEqual(['@version @2 [schema]: is required on CEB311Message; add it.']);
    expect(schema(order.replace(/guid="4CDE1CFD([^"]*)"/, 'guid="4CDE1CF$1"'))).toEqual(['@guid @2 [schema]: has 35 characters; it must have exactly 36.']);
  });

  it('xsi:schemaLocation, another prefix for the CEB namespace and a default namespace are all fine', () => {
    const located = order.replace('version="1.0" xmlns', 'version="1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.chinaport.gov.cn/ceb CEB311.xsd" xmlns');
    expect(schema(located)).toEqual([]);
    expect(schema(order.replace(/ceb:/g, 'x:').replace('xmlns:ceb=', 'xmlns:x='))).toEqual([]);
    expect(schema(order.replace(/<(\/?)ceb:/g, '<$1').replace('xmlns:ceb=', 'xmlns='))).toEqual([]);
  });

  it('an empty element stands for its fixed value (currency 142 on import declarations), another value does not', () => {
    expect(schema(withValue(order, 'currency', ''))).toEqual([]);
    expect(schema(withValue(order, 'currency', '502'))).toEqual(['Order.0.OrderHead.currency @20 [schema]: must be "142", the only value the schema allows.']);
  });

  it('the root: another element, or a CEB root of an unknown type', () => {
    expect(schema('<a/>')).toEqual([' @1 [schema]: has root <a> in namespace "", which is not a CEB message; expected CEBnnnMessage in http://www.chinaport.gov.cn/ceb, nnn a known type (CEB311 to CEB900).']);
    expect(schema('<ceb:CEB999Message xmlns:ceb="http://www.chinaport.gov.cn/ceb"/>')).toEqual([
      ' @1 [schema]: has root <ceb:CEB999Message> in namespace "http://www.chinaport.gov.cn/ceb", which is not a CEB message; expected CEBnnnMessage in http://www.chinaport.gov.cn/ceb, nnn a known type (CEB311 to CEB900).',
    ]);
  });

  it('a signature that breaks the XML-DSig schema (no SignatureValue) is reported inside it', () => {
    const signed = fixture('CEB621').replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, '');
    expect(schema(signed).map((l) => l.replace(/ @\d+/, ''))).toEqual(['Signature.SignatureValue [schema]: is required before KeyInfo but missing; add it (expected SignatureValue).']);
  });

  it('the 2018 and 202205 lengths differ: a 2018 export list with a 34-character logisticsNo', () => {
    const list = withValue(fixture('2018/CEB603'), 'logisticsNo', 'S'.repeat(34));
    expect(described(validateMessage(list, { level: 'schema', spec: '2018' }))).toEqual([]);
    expect(described(validateMessage(list, { level: 'schema', spec: '202205' }))).toEqual(['Inventory.0.InventoryHead.logisticsNo @15 [schema]: has 34 characters; it takes at most 32.']);
  });
});
