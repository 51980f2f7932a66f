/**
 * The XML reader: the element tree it gives (names, prefixes, namespace scope, attributes,
 * content in order, lines) and where its caps on depth and repetition fall.
 */
import { describe, expect, it } from 'vitest';
import { isElement, readXml, XMLNS_NAMESPACE, type XmlElement } from '../../src/messages/xml/read-xml.js';

const LIMITS = { maxDepth: 32, maxRepeat: 1000 };

function root(xml: string, limits = LIMITS): XmlElement {
  const read = readXml(xml, limits);
  if (!('root' in read)) throw new Error(read.problem);
  return read.root;
}

describe('the element tree', () => {
  it('names, prefixes and namespaces of elements and attributes, bindings inherited and overridden', () => {
    const r = root('<p:a xmlns:p="urn:p" xmlns="urn:d" p:x="1" y="2">\n<b xmlns:p="urn:q"><p:c/></b>\n<d/></p:a>');
    expect([r.namespace, r.name, r.qname, r.line]).toEqual(['urn:p', 'a', 'p:a', 1]);
    expect(r.attributes).toEqual([
      { namespace: XMLNS_NAMESPACE, name: 'p', qname: 'xmlns:p', value: 'urn:p' },
      { namespace: XMLNS_NAMESPACE, name: 'xmlns', qname: 'xmlns', value: 'urn:d' },
      { namespace: 'urn:p', name: 'x', qname: 'p:x', value: '1' },
      { namespace: '', name: 'y', qname: 'y', value: '2' },
    ]);
    expect(r.scope).toEqual({ p: 'urn:p', '': 'urn:d' });
    const [b, d] = r.children;
    expect([b!.namespace, b!.line, b!.scope]).toEqual(['urn:d', 2, { p: 'urn:q', '': 'urn:d' }]);
    expect([b!.children[0]!.namespace, b!.children[0]!.line]).toEqual(['urn:q', 2]);
    expect([d!.qname, d!.line, d!.scope]).toEqual(['d', 3, { p: 'urn:p', '': 'urn:d' }]);
  });

  it('content keeps text, CDATA and elements in document order; comments and processing instructions are dropped', () => {
    const r = root('<a>x<!-- c --><b/><![CDATA[<y>]]><?pi z?>w</a>');
    expect(r.content.map((item) => (isElement(item) ? `<${item.name}>` : `${item.cdata ? 'cdata' : 'text'}:${item.text}`))).toEqual(['text:x', '<b>', 'cdata:<y>', 'text:w']);
    expect(r.children.map((c) => c.name)).toEqual(['b']);
  });

  it('a refusal names the problem, the line and the column', () => {
    expect(readXml('<a>\n<b></a>', LIMITS)).toEqual({ problem: expect.stringMatching(/^is not well-formed XML: .+ \(line 2, column \d+\)$/), line: 2 });
    expect(readXml('<?xml version="1.0"?>', LIMITS)).toEqual({ problem: expect.stringMatching(/^is not well-formed XML: /), line: 1 });
    const late = readXml(`<a>${'\n'.repeat(11)}${' '.repeat(12)}</b>`, LIMITS);
    expect(late).toEqual({ problem: expect.stringMatching(/^is not well-formed XML: [^\d].* \(line 12, column \d+\)$/), line: 12 });
  });
});

describe('caps on depth and repetition', () => {
  const nested = (depth: number) => `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`;

  it('nesting exactly maxDepth deep is read; one level more is refused at the element too deep', () => {
    expect(root(nested(3), { maxDepth: 3, maxRepeat: 10 }).children).toHaveLength(1);
    expect(readXml(`<a>\n<a>\n<a>\n<a/></a></a></a>`, { maxDepth: 3, maxRepeat: 10 })).toEqual({
      problem: 'nests elements deeper than the limit of 3; CEB messages are a few levels deep',
      line: 4,
    });
  });

  it('maxRepeat same-named siblings are read; one more is refused; other names and other parents count apart', () => {
    expect(root('<r><b/><b/><c/><c/><d><b/><b/></d></r>', { maxDepth: 5, maxRepeat: 2 }).children).toHaveLength(5);
    expect(readXml('<r><b/><b/><b/></r>', { maxDepth: 5, maxRepeat: 2 })).toEqual({
      problem: 'repeats <b> inside <r> more than the limit of 2 times; split the message or raise limits.maxRepeat',
      line: 1,
    });
  });
});
