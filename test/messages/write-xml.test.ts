/**
 * Writing XML: escapes that keep every value exactly, elements read from outside written so they
 * read the same anywhere (the prefixes they inherit declared on them), message data in table
 * order with two spaces of indentation per level; and reading it back into data.
 */
import { describe, expect, it } from 'vitest';
import { decodeContent } from '../../src/messages/decode.js';
import { node, occurs, text, type ElementSpec, type XmlSpec } from '../../src/messages/spec.js';
import { readXml, type XmlElement } from '../../src/messages/xml/read-xml.js';
import { escapeAttribute, escapeText, openTag, serializeContent, serializeElement, writeElements } from '../../src/messages/xml/write-xml.js';

function root(xml: string): XmlElement {
  const read = readXml(xml, { maxDepth: 32, maxRepeat: 1000 });
  if (!('root' in read)) throw new Error(read.problem);
  return read.root;
}

describe('escapes', () => {
  it('text: & < > and a carriage return; quotes, tabs and line feeds stay', () => {
    expect(escapeText('a&b<c>d\re"f\tg\nh')).toBe('a&amp;b&lt;c&gt;d&#13;e"f\tg\nh');
  });

  it('attributes: & < " and tab, line feed, carriage return as character references; > stays', () => {
    expect(escapeAttribute('a&b<c"d\te\nf\rg>h')).toBe('a&amp;b&lt;c&quot;d&#9;e&#10;f&#13;g>h');
    expect(openTag('ceb:Key', [['name', 'a"b'], ['x', '1']])).toBe('<ceb:Key name="a&quot;b" x="1">');
    expect(openTag('a')).toBe('<a>');
  });
});

describe('an element read from outside, written on its own', () => {
  it('declares the prefixes it inherits: of its name, of its children, of attributes and of the type xsi:type names', () => {
    const doc = root('<r xmlns="urn:d" xmlns:ds="urn:ds" xmlns:x="urn:x" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><ds:S xsi:type=" x:T " ds:a="1"><d/><ds:V xml:lang="zh"/></ds:S></r>');
    expect(serializeElement(doc.children[0]!)).toBe(
      '<ds:S xsi:type=" x:T " ds:a="1" xmlns:ds="urn:ds" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:x="urn:x" xmlns="urn:d"><d/><ds:V xml:lang="zh"/></ds:S>',
    );
  });

  it('does not declare again what it or an ancestor inside it declares; an element in no namespace gets xmlns=""', () => {
    const doc = root('<r xmlns:p="urn:p"><p:a xmlns:p="urn:own"><b xmlns:q="urn:q"><q:c/><p:d/></b></p:a></r>');
    expect(serializeElement(doc.children[0]!)).toBe('<p:a xmlns:p="urn:own" xmlns=""><b xmlns:q="urn:q"><q:c/><p:d/></b></p:a>');
  });

  it('only prefixes in use are declared: not the default namespace for an unprefixed attribute, not a prefix in a value other than xsi:type', () => {
    const doc = root('<r xmlns="urn:d" xmlns:p="urn:p" xmlns:q="urn:q" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><p:a id="1" type="q:x"/><p:b xsi:nil="true"/><p:c p="1"/></r>');
    expect(doc.children.map(serializeElement)).toEqual([
      '<p:a id="1" type="q:x" xmlns:p="urn:p"/>',
      '<p:b xsi:nil="true" xmlns:p="urn:p" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>',
      '<p:c p="1" xmlns:p="urn:p"/>',
    ]);
  });

  it('an element without a namespace says so with xmlns=""; text and CDATA are written as escaped text', () => {
    const doc = root('<r xmlns="urn:d"><a xmlns=""><b>1 &lt; 2<![CDATA[ & ]]></b></a></r>');
    expect(serializeElement(doc.children[0]!)).toBe('<a xmlns=""><b>1 &lt; 2 &amp; </b></a>');
    const plain = root('<a>x<b/>y</a>');
    expect(serializeElement(plain)).toBe('<a xmlns="">x<b/>y</a>');
    expect(serializeContent(plain)).toBe('x<b xmlns=""/>y');
  });
});

describe('message data written in table order', () => {
  const KEY = { ...occurs(text('Key', 1, 64), 1, 5), attributes: [{ name: 'name', required: false, type: { base: 'string', minLength: 1, maxLength: 32, collapse: false } as const }] };
  const MESSAGE: XmlSpec = { kind: 'xml', name: 'Message', minOccurs: 1, maxOccurs: 1, content: 'element' };
  const SIGNATURE: XmlSpec = { kind: 'xml', name: 'Signature', minOccurs: 1, maxOccurs: 1, content: 'signature' };
  const children: ElementSpec[] = [text('a', 1, 9), KEY, node('Empty', [text('z', 0, 1)]), node('Line', [text('n', 1)], [1, 9]), MESSAGE, SIGNATURE];

  it('each element on its own line, two spaces per level, a node with nothing in it self-closed, absent ones left out', () => {
    const data = { Line: [{ n: '1' }, { n: '2' }], a: 'x<y', Key: [{ '@name': 'k', '#text': 'v' }, { '@name': 'e' }], Empty: {}, Message: '<m xmlns="urn:m"/>', Signature: '<ds:Signature/>' };
    expect(writeElements(children, data, 'ceb:', 1)).toEqual([
      '  <ceb:a>x&lt;y</ceb:a>',
      '  <ceb:Key name="k">v</ceb:Key>',
      '  <ceb:Key name="e"></ceb:Key>',
      '  <ceb:Empty/>',
      '  <ceb:Line>',
      '    <ceb:n>1</ceb:n>',
      '  </ceb:Line>',
      '  <ceb:Line>',
      '    <ceb:n>2</ceb:n>',
      '  </ceb:Line>',
      '  <ceb:Message><m xmlns="urn:m"/></ceb:Message>',
      '  <ds:Signature/>',
    ]);
    expect(writeElements(children, { a: 'x' }, '', 0)).toEqual(['<a>x</a>']);
  });

  it('read back: attributes without a namespace, lists for repeated elements, the first of a repeated single element, unknown elements left out', () => {
    const doc = root('<r xmlns:o="urn:o"><a>x</a><a>second</a><Key o:name="other" name="k">v</Key><Key>w</Key><Unknown>u</Unknown><Line><n>1</n></Line><Message><m/>t<m2/></Message></r>');
    expect(decodeContent(doc, children)).toEqual({
      a: 'x',
      Key: [{ '@name': 'k', '#text': 'v' }, { '#text': 'w' }],
      Line: [{ n: '1' }],
      Message: '<m xmlns=""/><m2 xmlns=""/>',
    });
  });
});
