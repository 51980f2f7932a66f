/**
 * The XML-DSig schema a message's Signature is checked against: every kind of KeyInfo it allows,
 * the types of their values, and what each element requires.
 */
import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../src/messages/parse.js';
import { described, fixture } from './helpers.js';

const list = fixture('CEB621');
const B64 = 'VEVTVA==';

/** The fixture with its KeyInfo content replaced by `keyInfo` (ds: prefixed XML). */
const withKeyInfo = (keyInfo: string) => list.replace(/<ds:KeyInfo>[\s\S]*<\/ds:KeyInfo>/, `<ds:KeyInfo>${keyInfo}</ds:KeyInfo>`);
const schema = (xml: string) => described(validateMessage(xml, { level: 'schema' })).map((l) => l.replace(/ @\d+/, ''));

const RSA = `<ds:KeyValue><ds:RSAKeyValue><ds:Modulus>${B64}</ds:Modulus><ds:Exponent>AQAB</ds:Exponent></ds:RSAKeyValue></ds:KeyValue>`;
const DSA = `<ds:KeyValue><ds:DSAKeyValue><ds:P>${B64}</ds:P><ds:Q>${B64}</ds:Q><ds:G>${B64}</ds:G><ds:Y>${B64}</ds:Y><ds:J>${B64}</ds:J><ds:Seed>${B64}</ds:Seed><ds:PgenCounter>${B64}</ds:PgenCounter></ds:DSAKeyValue></ds:KeyValue>`;
const X509 = `<ds:X509Data><ds:X509IssuerSerial><ds:X509IssuerName>CN=Test CA</ds:X509IssuerName><ds:X509SerialNumber>1234567890123456789012</ds:X509SerialNumber></ds:X509IssuerSerial><ds:X509SKI>${B64}</ds:X509SKI><ds:X509SubjectName>CN=Shop</ds:X509SubjectName><ds:X509Certificate>${B64}</ds:X509Certificate><ds:X509CRL>${B64}</ds:X509CRL><o:x xmlns:o="urn:o"/></ds:X509Data>`;
const PGP = `<ds:PGPData><ds:PGPKeyID>${B64}</ds:PGPKeyID><ds:PGPKeyPacket>${B64}</ds:PGPKeyPacket><o:x xmlns:o="urn:o"/></ds:PGPData><ds:PGPData><ds:PGPKeyPacket>${B64}</ds:PGPKeyPacket></ds:PGPData>`;
const RETRIEVAL = `<ds:RetrievalMethod URI="#k" Type="http://www.w3.org/2000/09/xmldsig#X509Data"><ds:Transforms><ds:Transform Algorithm="urn:t"><ds:XPath>/a</ds:XPath></ds:Transform></ds:Transforms></ds:RetrievalMethod>`;
const SPKI = `<ds:SPKIData><ds:SPKISexp>${B64}</ds:SPKISexp><o:x xmlns:o="urn:o"/><ds:SPKISexp>${B64}</ds:SPKISexp></ds:SPKIData>`;

describe('KeyInfo: any of its kinds, any number of times', () => {
  it('key name, RSA and DSA key values, a retrieval method, X.509 data of every kind, PGP, SPKI, management data and foreign elements', () => {
    expect(schema(withKeyInfo(`<ds:KeyName>k</ds:KeyName>${RSA}${DSA}${RETRIEVAL}${X509}${PGP}${SPKI}<ds:MgmtData>m</ds:MgmtData><o:y xmlns:o="urn:o"/>`))).toEqual([]);
  });

  it('a DSA key value needs Y; P comes with Q, Seed with PgenCounter', () => {
    expect(schema(withKeyInfo(`<ds:KeyValue><ds:DSAKeyValue><ds:Y>${B64}</ds:Y></ds:DSAKeyValue></ds:KeyValue>`))).toEqual([]);
    expect(schema(withKeyInfo(`<ds:KeyValue><ds:DSAKeyValue><ds:P>${B64}</ds:P><ds:Y>${B64}</ds:Y></ds:DSAKeyValue></ds:KeyValue>`))).toEqual([
      'Signature.KeyInfo.KeyValue.DSAKeyValue.Q [schema]: is required before Y but missing; add it (expected Q).',
    ]);
    expect(schema(withKeyInfo(`<ds:KeyValue><ds:DSAKeyValue><ds:Y>${B64}</ds:Y><ds:Seed>${B64}</ds:Seed></ds:DSAKeyValue></ds:KeyValue>`))).toEqual([
      'Signature.KeyInfo.KeyValue.DSAKeyValue.PgenCounter [schema]: is required in DSAKeyValue but missing; add it.',
    ]);
  });

  it('values have their types: base64 key material, an integer serial number', () => {
    expect(schema(withKeyInfo('<ds:KeyValue><ds:RSAKeyValue><ds:Modulus>not base64!</ds:Modulus><ds:Exponent>AQAB</ds:Exponent></ds:RSAKeyValue></ds:KeyValue>'))).toEqual([
      'Signature.KeyInfo.KeyValue.RSAKeyValue.Modulus [schema]: is not base64 text (groups of 4 characters from A-Z, a-z, 0-9, + and /, padded with =).',
    ]);
    expect(schema(withKeyInfo(X509.replace('1234567890123456789012', '12.5')))).toEqual(['Signature.KeyInfo.X509Data.X509IssuerSerial.X509SerialNumber [schema]: is not a whole number.']);
  });

  it('an empty KeyInfo, X509Data or PGPData is refused', () => {
    expect(schema(withKeyInfo(''))).toEqual([expect.stringMatching(/^Signature\.KeyInfo\..+ \[schema\]: is required in KeyInfo but missing; add it\.$/)]);
    expect(schema(withKeyInfo('<ds:X509Data/>'))).toHaveLength(1);
    expect(schema(withKeyInfo('<ds:PGPData/>'))).toHaveLength(1);
  });

  it('a foreign element may not be in the XML-DSig namespace or in none', () => {
    expect(schema(withKeyInfo('<ds:Unknown/>'))[0]).toMatch(/^Signature\.KeyInfo\.Unknown \[schema\]: is not an element here/);
    expect(schema(withKeyInfo('<x xmlns=""/>'))[0]).toMatch(/^Signature\.KeyInfo\.x \[schema\]: is not an element here/);
  });
});

describe('SignedInfo and its references', () => {
  it('a reference takes Id, URI and Type; a transform may hold XPath and text; several references are allowed', () => {
    const signed = list
      .replace('<ds:Reference URI="">', '<ds:Reference Id="r1" URI="" Type="urn:t">')
      .replace('<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>', '<ds:Transform Algorithm="urn:x">text<ds:XPath>/a</ds:XPath></ds:Transform>')
      .replace('</ds:Reference></ds:SignedInfo>', '</ds:Reference><ds:Reference><ds:DigestMethod Algorithm="urn:d"/><ds:DigestValue>AA==</ds:DigestValue></ds:Reference></ds:SignedInfo>');
    expect(schema(signed)).toEqual([]);
  });

  it('each method needs its Algorithm; a digest value is base64', () => {
    expect(schema(list.replace('<ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/>', '<ds:DigestMethod/>'))).toEqual([
      'Signature.SignedInfo.Reference.0.DigestMethod.@Algorithm [schema]: is required on DigestMethod; add it.',
    ]);
    expect(schema(list.replace(/<ds:DigestValue>[^<]*</, '<ds:DigestValue>abc<'))).toEqual([
      'Signature.SignedInfo.Reference.0.DigestValue [schema]: is not base64 text (groups of 4 characters from A-Z, a-z, 0-9, + and /, padded with =).',
    ]);
  });

  it('Transforms holds at least one Transform', () => {
    expect(schema(list.replace(/<ds:Transforms>[\s\S]*<\/ds:Transforms>/, '<ds:Transforms></ds:Transforms>'))).toEqual([
      'Signature.SignedInfo.Reference.0.Transforms.Transform [schema]: is required in Transforms but missing; add it.',
    ]);
  });

  it('xsi:type may name the XML-DSig type of an element', () => {
    const typed = list.replace('<ds:KeyName>', '<ds:KeyName xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" xsi:type="xs:string">');
    expect(schema(typed)).toEqual([]);
    const info = list.replace('<ds:SignedInfo>', '<ds:SignedInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="ds:SignedInfoType">');
    expect(schema(info)).toEqual([]);
    const wrong = list.replace('<ds:SignedInfo>', '<ds:SignedInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="ds:KeyInfoType">');
    expect(schema(wrong)).toEqual(['Signature.SignedInfo.@xsi:type [schema]: may only name the type the schema declares SignedInfo with, SignedInfoType in http://www.w3.org/2000/09/xmldsig#.']);
  });
});
