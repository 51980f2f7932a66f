/**
 * The XML-DSig `Signature` element as the CEB specification's copy of the W3C schema declares
 * it (`Signature`: SignedInfo, SignatureValue, optional KeyInfo; no Object), so a signed message
 * is checked down to its certificate. Source: the W3C XML Signature Syntax and Processing schema
 * (xmldsig-core-schema.xsd, 2002), W3C Software License, as shipped with the CEB schemas.
 */
import type { AttributeSpec, SimpleType } from '../spec.js';
import { compile, type Particle } from './content-model.js';
import { choice, elementTerm, sequence, term, wildcardTerm, type ElementDecl, type Slot } from './particles.js';

/** The XML-DSig namespace. */
export const DSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

const STRING: SimpleType = { base: 'string', minLength: 0, maxLength: Number.POSITIVE_INFINITY, collapse: false };
const BASE64: SimpleType = { base: 'base64Binary' };
const UNBOUNDED = Number.POSITIVE_INFINITY;

const attribute = (name: string, base: 'anyURI' | 'ID' | 'string', required = false): AttributeSpec => ({
  name,
  required,
  type: base === 'string' ? STRING : { base },
});
const ALGORITHM = [attribute('Algorithm', 'anyURI', true)];

const simple = (name: string, type: SimpleType): ElementDecl => ({ namespace: DSIG_NAMESPACE, name, attributes: [], simple: type });

function complex(name: string, content: Particle<Slot> | undefined, attributes: readonly AttributeSpec[] = [], mixed = false): ElementDecl {
  return { namespace: DSIG_NAMESPACE, name, attributes, mixed, model: compile(content ?? sequence([])) };
}

const one = (decl: ElementDecl, min = 1, max = 1): Particle<Slot> => term(elementTerm(decl, max > 1), min, max);
const other = (min = 1, max = 1): Particle<Slot> => term(wildcardTerm('lax', DSIG_NAMESPACE), min, max);

function build(): ElementDecl {
  const transform = complex('Transform', choice([other(), one(simple('XPath', STRING))], 0, UNBOUNDED), ALGORITHM, true);
  const transforms = complex('Transforms', sequence([one(transform, 1, UNBOUNDED)]));
  const reference = complex(
    'Reference',
    sequence([one(transforms, 0), one(complex('DigestMethod', undefined, ALGORITHM, true)), one(simple('DigestValue', BASE64))]),
    [attribute('Id', 'ID'), attribute('URI', 'anyURI'), attribute('Type', 'anyURI')],
  );
  const signedInfo = complex(
    'SignedInfo',
    sequence([one(complex('CanonicalizationMethod', undefined, ALGORITHM, true)), one(complex('SignatureMethod', undefined, ALGORITHM, true)), one(reference, 1, UNBOUNDED)]),
  );
  const crypto = (name: string) => one(simple(name, BASE64));
  const dsa = complex('DSAKeyValue', sequence([sequence([crypto('P'), crypto('Q')], 0), one(simple('G', BASE64), 0), crypto('Y'), one(simple('J', BASE64), 0), sequence([crypto('Seed'), crypto('PgenCounter')], 0)]));
  const rsa = complex('RSAKeyValue', sequence([crypto('Modulus'), crypto('Exponent')]));
  const issuerSerial = complex('X509IssuerSerial', sequence([one(simple('X509IssuerName', STRING)), one(simple('X509SerialNumber', { base: 'integer' }))]));
  const x509 = complex(
    'X509Data',
    sequence(
      [choice([one(issuerSerial), crypto('X509SKI'), one(simple('X509SubjectName', STRING)), crypto('X509Certificate'), crypto('X509CRL'), other()])],
      1,
      UNBOUNDED,
    ),
  );
  const pgp = complex(
    'PGPData',
    choice([sequence([crypto('PGPKeyID'), one(simple('PGPKeyPacket', BASE64), 0), other(0, UNBOUNDED)]), sequence([crypto('PGPKeyPacket'), other(0, UNBOUNDED)])]),
  );
  const keyInfo = complex(
    'KeyInfo',
    choice(
      [
        one(simple('KeyName', STRING)),
        one(complex('KeyValue', choice([one(dsa), one(rsa), other()]), [], true)),
        one(complex('RetrievalMethod', sequence([one(transforms, 0)]), [attribute('URI', 'anyURI'), attribute('Type', 'anyURI')])),
        one(x509),
        one(pgp),
        one(complex('SPKIData', sequence([crypto('SPKISexp'), other(0, 1)], 1, UNBOUNDED))),
        one(simple('MgmtData', STRING)),
        other(),
      ],
      1,
      UNBOUNDED,
    ),
    [],
    true,
  );
  return complex('Signature', sequence([one(signedInfo), one(simple('SignatureValue', BASE64)), one(keyInfo, 0)]), [attribute('Id', 'ID')]);
}

let cached: ElementDecl | undefined;

/** The declaration of `ds:Signature`, built on first use. */
export function signatureDeclaration(): ElementDecl {
  cached ??= build();
  return cached;
}
