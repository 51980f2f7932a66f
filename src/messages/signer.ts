/**
 * The signature hook. A declared CEB message carries an enveloped XML-DSig Signature made with
 * the operator's SM2 key on an e-port IC card or ukey; the schemas require it on CEB621, CEB623,
 * CEB625 and CEB711. cbec-sim cannot hold that key, so real signing is out of scope: plug a
 * {@link Signer} that calls your signing client. {@link testSigner} only shows the shape.
 */
import { createHash } from 'node:crypto';
import type { SpecVersion } from './spec.js';

/** What a signer is told about the message it signs. */
export interface SignContext {
  /** The message type, e.g. `CEB621`. */
  readonly type: string;
  /** The root's guid. */
  readonly guid: string;
  /** The specification version the message follows. */
  readonly spec: SpecVersion;
}

/**
 * Signs an unsigned CEB message and returns the `ds:Signature` element (with its namespace
 * declaration) that {@link buildMessage} places where the schema puts it (the
 * enveloped-signature transform leaves it out of the digest).
 */
export type Signer = (unsignedXml: string, context: SignContext) => string;

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

/**
 * A signer for tests and demos: the real element layout (SignedInfo with C14N 2001-03-15,
 * the SM2-SM3 signature method, Reference URI="" with the enveloped-signature transform and a
 * SHA-1 digest, KeyInfo with certificate number and certificate), but the digest is taken over
 * the message text rather than its canonical form, and the signature and certificate values are
 * placeholders. Customs would reject it.
 *
 * @example
 * ```ts
 * const xml = buildMessage('CEB311', data, { signer: testSigner });
 * ```
 */
export const testSigner: Signer = (unsignedXml, context) => {
  const digest = createHash('sha1').update(unsignedXml, 'utf8').digest('base64');
  return [
    `<ds:Signature xmlns:ds="${DSIG}">`,
    '<ds:SignedInfo>',
    '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>',
    `<ds:SignatureMethod Algorithm="${DSIG}sm2-sm3"/>`,
    '<ds:Reference URI="">',
    `<ds:Transforms><ds:Transform Algorithm="${DSIG}enveloped-signature"/></ds:Transforms>`,
    `<ds:DigestMethod Algorithm="${DSIG}sha1"/>`,
    `<ds:DigestValue>${digest}</ds:DigestValue>`,
    '</ds:Reference>',
    '</ds:SignedInfo>',
    `<ds:SignatureValue>VEVTVC1TSUdOQVRVUkUtTk9ULVZBTElE</ds:SignatureValue>`,
    '<ds:KeyInfo>',
    `<ds:KeyName>TEST-CERT-${context.type}</ds:KeyName>`,
    '<ds:X509Data><ds:X509Certificate>VEVTVC1DRVJUSUZJQ0FURQ==</ds:X509Certificate></ds:X509Data>',
    '</ds:KeyInfo>',
    '</ds:Signature>',
  ].join('');
};
