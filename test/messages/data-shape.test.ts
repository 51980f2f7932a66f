/**
 * The shape of message data before it is written: which characters XML 1.0 can carry, text
 * where a field is, objects and lists where the table says, well-formed XML where data holds XML,
 * and unknown keys named with their owner.
 */
import { describe, expect, it } from 'vitest';
import { shapeIssues } from '../../src/messages/data-shape.js';
import { node, occurs, text, type ElementSpec, type XmlSpec } from '../../src/messages/spec.js';
import { described } from './helpers.js';

const shape = (children: readonly ElementSpec[], data: unknown) => described(shapeIssues(children, data));
const NOTE = [text('note', 0, 1000)];
const CANNOT_CARRY = 'holds a character XML cannot carry (a control character, a lone surrogate, U+FFFE or U+FFFF); remove it';

describe('characters XML 1.0 can carry', () => {
  it.each([
    ['tab, line feed, carriage return, space', '\t\n\r '],
    ['the last characters below U+FFFE', '\ufffd'],
    ['a surrogate pair, lowest and highest', '\ud800\udc00 \udbff\udfff 😀'],
  ])('%s are carried', (_, value) => {
    expect(shape(NOTE, { note: value })).toEqual([]);
  });

  it.each([
    ['NUL', 'a\u0000'],
    ['U+001F', '\u001f'],
    ['U+0008', '\u0008'],
    ['U+FFFE', '\ufffe'],
    ['U+FFFF', '\uffff'],
    ['a high surrogate at the end', 'a\ud83d'],
    ['a high surrogate before a letter', '\udbffx'],
    ['a high surrogate before a private-use character', '\ud800\ue000'],
    ['a low surrogate alone', '\udc00x'],
    ['a low surrogate alone, the highest', '\udfff'],
  ])('%s is not', (_, value) => {
    expect(shape(NOTE, { note: value })).toEqual([`note @- [schema]: ${CANNOT_CARRY}.`]);
  });
});

describe('text, objects and lists where the table has them', () => {
  it('a field is text: not a number, a list, null or an object', () => {
    expect(shape(NOTE, { note: 1 })).toEqual(['note @- [schema]: must be text (a string), not a number.']);
    expect(shape(NOTE, { note: ['x'] })).toEqual(['note @- [schema]: must be text (a string), not a list.']);
    expect(shape(NOTE, { note: null })).toEqual(['note @- [schema]: must be text (a string), not null.']);
    expect(shape(NOTE, { note: {} })).toEqual(['note @- [schema]: must be text (a string), not an object.']);
    expect(shape(NOTE, { note: true })).toEqual(['note @- [schema]: must be text (a string), not a boolean.']);
  });

  it('a node is an object of elements; the data itself is one', () => {
    const head = [node('Head', NOTE)];
    expect(shape(head, { Head: 'x' })).toEqual(['Head @- [schema]: must be an object of elements, not a string.']);
    expect(shape(head, { Head: null })).toEqual(['Head @- [schema]: must be an object of elements, not null.']);
    expect(shape(head, { Head: [{}] })).toEqual(['Head @- [schema]: must be an object of elements, not a list.']);
    expect(shape(head, [])).toEqual([' @- [schema]: must be an object of elements, not a list.']);
    expect(shape(head, null)).toEqual([' @- [schema]: must be an object of elements, not null.']);
    expect(shape(head, 'x')).toEqual([' @- [schema]: must be an object of elements, not a string.']);
  });

  it('a repeated element is a list, whose entries are checked one by one', () => {
    const lines = [node('Line', NOTE, [1, 99])];
    expect(shape(lines, { Line: { note: 'x' } })).toEqual(['Line @- [schema]: must be a list of Line entries (up to 99), not an object.']);
    expect(shape(lines, { Line: [{ note: 'x' }, { note: 2 }] })).toEqual(['Line.1.note @- [schema]: must be text (a string), not a number.']);
  });

  it('unknown keys are named with their owner and the keys it knows', () => {
    expect(shape([node('Head', NOTE)], { Extra: 'x', Head: { Other: 'y' } })).toEqual([
      'Extra @- [schema]: is not an element of the message; remove it or fix its spelling (known: Head).',
      'Head.Other @- [schema]: is not an element of Head; remove it or fix its spelling (known: note).',
    ]);
    expect(shape([node('Line', NOTE, [1, 9])], { Line: [{ x: '1' }] })).toEqual(['Line.0.x @- [schema]: is not an element of Line; remove it or fix its spelling (known: note).']);
  });
});

describe('fields and nodes with attributes', () => {
  const attribute = { name: 'name', required: false, type: { base: 'string', minLength: 0, maxLength: 9, collapse: false } as const };
  const KEY = { ...occurs(text('Key', 1, 64), 1, 5), attributes: [attribute] };
  const MSG = { ...node('DxpMsg', NOTE), attributes: [attribute] };

  it('a field with attributes is an object of #text and @attributes, each text', () => {
    expect(shape([KEY], { Key: [{ '@name': 'k', '#text': 'v' }, { '@name': 'k' }] })).toEqual([]);
    expect(shape([KEY], { Key: ['v'] })).toEqual(['Key.0 @- [schema]: must be an object of text and attributes, not a string.']);
    expect(shape([KEY], { Key: [null] })).toEqual(['Key.0 @- [schema]: must be an object of text and attributes, not null.']);
    expect(shape([KEY], { Key: [{ '@name': 5, '#text': 'a\u0001', '@other': 'x' }] })).toEqual([
      'Key.0.@name @- [schema]: must be text (a string), not a number.',
      `Key.0.#text @- [schema]: ${CANNOT_CARRY}.`,
      'Key.0.@other @- [schema]: is not an element of Key; remove it or fix its spelling (known: #text, @name).',
    ]);
  });

  it('a node with attributes takes them beside its elements', () => {
    expect(shape([MSG], { DxpMsg: { '@name': 'x', note: 'n' } })).toEqual([]);
    expect(shape([MSG], { DxpMsg: { '@name': ['x'], '@ver': '1' } })).toEqual([
      'DxpMsg.@name @- [schema]: must be text (a string), not a list.',
      'DxpMsg.@ver @- [schema]: is not an element of DxpMsg; remove it or fix its spelling (known: note, @name).',
    ]);
  });
});

describe('XML held in data', () => {
  const xml = (content: XmlSpec['content'], name = 'Signature'): XmlSpec => ({ kind: 'xml', name, minOccurs: 1, maxOccurs: 1, content });
  const DS = 'xmlns:ds="http://www.w3.org/2000/09/xmldsig#"';

  it('a signature is one ds:Signature element in the XML-DSig namespace', () => {
    expect(shape([xml('signature')], { Signature: `<ds:Signature ${DS}/>` })).toEqual([]);
    expect(shape([xml('signature')], { Signature: `<ds:Sig ${DS}/>` })).toEqual([
      'Signature @- [schema]: must be one ds:Signature element in the namespace http://www.w3.org/2000/09/xmldsig# (with its xmlns declaration).',
    ]);
    expect(shape([xml('signature')], { Signature: '<Signature xmlns="urn:other"/>' })).toHaveLength(1);
    expect(shape([xml('signature')], { Signature: 7 })).toEqual(['Signature @- [schema]: must be XML text (a string), not a number.']);
  });

  it('extension content is any elements, or none; open content is the one element of its name', () => {
    expect(shape([xml('element', 'Message')], { Message: '<a/><b/>' })).toEqual([]);
    expect(shape([xml('element', 'Message')], { Message: '' })).toEqual([]);
    expect(shape([xml('element', 'Message')], { Message: '<a>' })).toEqual([expect.stringMatching(/^Message @- \[schema\]: must be well-formed XML: it is not well-formed XML: /)]);
    expect(shape([xml('any', 'RecMapId')], { RecMapId: '<RecMapId x="1">r</RecMapId>' })).toEqual([]);
    expect(shape([xml('any', 'RecMapId')], { RecMapId: '<Other/>' })).toEqual(['RecMapId @- [schema]: must be one RecMapId element, written whole (with its namespace declaration).']);
  });
});
