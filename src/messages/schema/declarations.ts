/**
 * Element declarations: what the schema check walks. A field table's node becomes a complex
 * element whose children form a sequence, a field a simple element, the signature the XML-DSig
 * `Signature` declaration, and the open content of `ExtendMessage/Message` a wildcard.
 */
import type { ElementSpec, MessageSpec } from '../spec.js';
import { compile, type Particle } from './content-model.js';
import { signatureDeclaration } from './dsig.js';
import { elementTerm, sequence, term, wildcardTerm, type ElementDecl, type Slot } from './particles.js';

const OPEN_ELEMENT: ElementDecl = { namespace: '', name: '', attributes: [] };

function xmlDecl(spec: ElementSpec & { kind: 'xml' }, namespace: string): ElementDecl {
  if (spec.content === 'signature') return signatureDeclaration();
  if (spec.content === 'element') return { namespace, name: spec.name, attributes: [], model: compile(term(wildcardTerm('skip'), 0, 1)) };
  return { ...OPEN_ELEMENT, namespace, name: spec.name, anyAttribute: true, mixed: true, model: compile(term(wildcardTerm('lax'), 0, Number.POSITIVE_INFINITY)) };
}

/** The declaration of one table element in `namespace`. */
export function declare(spec: ElementSpec, namespace: string): ElementDecl {
  const attributes = spec.kind === 'xml' ? [] : (spec.attributes ?? []);
  switch (spec.kind) {
    case 'field':
      return { namespace, name: spec.name, attributes, simple: spec.type, ...(spec.fixed === undefined ? {} : { fixed: spec.fixed }), ...(spec.default === undefined ? {} : { default: spec.default }) };
    case 'node':
      return { namespace, name: spec.name, attributes, model: compile(sequence(spec.children.map((c) => childParticle(c, namespace)))) };
    case 'xml':
      return xmlDecl(spec, namespace);
  }
}

function childParticle(spec: ElementSpec, namespace: string): Particle<Slot> {
  const decl = declare(spec, namespace);
  return term(elementTerm(decl, spec.maxOccurs > 1), spec.minOccurs, spec.maxOccurs);
}

const roots = new WeakMap<MessageSpec, ElementDecl>();

/** The declaration of a message's root element (`CEB311Message`, `DxpMsg`), built once per table. */
export function rootDeclaration(message: MessageSpec, rootName: string): ElementDecl {
  let decl = roots.get(message);
  if (!decl) {
    decl = {
      namespace: message.namespace,
      name: rootName,
      attributes: message.attributes,
      model: compile(sequence(message.children.map((c) => childParticle(c, message.namespace)))),
    };
    roots.set(message, decl);
  }
  return decl;
}
