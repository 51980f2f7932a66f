import fc from 'fast-check';
import type { Buyer, Consignee } from '../domain/model.js';
import { invalidResidentId, residentId, type IdCorruption } from './resident-id.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '军', '杰', '婷'];
const DISTRICTS = ['440103', '440104', '440106', '440111', '110105', '310115'];

/** Chinese personal names of two or three characters. */
function personName(): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 })).map(([s, g]) => s + g.join(''));
}

/** Mainland mobile numbers, 11 digits starting 13-19. */
function mobile(): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 })).map(([second, rest]) => `1${second}${String(rest).padStart(9, '0')}`);
}

/** Options of {@link buyer}. */
export interface BuyerOptions {
  /** Break the ID number this way; a valid ID number when absent. */
  readonly corruptId?: IdCorruption;
}

/**
 * Buyers (订购人) of import orders: platform account, name, ID type 1 and a resident ID number
 * (valid unless `corruptId` is given), mobile phone.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(buyer(), (b) => isValidResidentId(b.idNumber)));
 * fc.assert(fc.property(buyer({ corruptId: 'check-character' }), (b) => !isValidResidentId(b.idNumber)));
 * ```
 */
export function buyer(options: BuyerOptions = {}): fc.Arbitrary<Buyer> {
  const id = options.corruptId === undefined ? residentId() : invalidResidentId(options.corruptId);
  return fc.record({
    regNo: fc.stringMatching(/^[a-z][a-z0-9_]{3,15}$/),
    name: personName(),
    idType: fc.constant('1' as const),
    idNumber: id,
    phone: mobile(),
  });
}

/**
 * Consignees (收货人) in mainland China, with a 6-digit district code.
 *
 * @example
 * ```ts
 * fc.sample(consignee(), 1)[0].address.districtCode; // '440106'
 * ```
 */
export function consignee(): fc.Arbitrary<Consignee> {
  return fc.record({
    name: personName(),
    phone: mobile(),
    address: fc.record({
      line: fc.tuple(fc.constantFrom('广州市天河区', '广州市越秀区', '北京市朝阳区', '上海市浦东新区'), fc.integer({ min: 1, max: 999 })).map(([area, no]) => `${area}体育西路${no}号`),
      districtCode: fc.constantFrom(...DISTRICTS),
    }),
  });
}
