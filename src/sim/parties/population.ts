/**
 * The buyer population: synthetic but valid buyers (real ID-number check characters), made
 * lazily and deterministically from the run's seed and the buyer's index, so a population of
 * millions costs memory only for the buyers who actually order. A sharded run gives each shard a
 * disjoint slice of it, so every buyer (and their annual quota) belongs to exactly one shard.
 */
import { residentIdCheckChar } from '../../domain/resident-id.js';
import type { Buyer, Consignee } from '../../domain/model.js';
import type { Rng } from '../rng.js';

const SURNAMES = ['陈', '李', '黄', '张', '梁', '林', '刘', '吴', '罗', '何', '郑', '周', '王', '冯', '谢', '杨'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚'];
/** Guangzhou district codes (administrative divisions) with a district name, for addresses [C: GB/T 2260]. */
const DISTRICTS = [
  ['440103', '荔湾区'],
  ['440104', '越秀区'],
  ['440105', '海珠区'],
  ['440106', '天河区'],
  ['440111', '白云区'],
  ['440112', '黄埔区'],
  ['440113', '番禺区'],
  ['440114', '花都区'],
] as const;

/** A buyer with where their parcels go. */
export interface PopulationMember {
  /** Index within the population (or slice) the member was asked from. */
  readonly index: number;
  readonly buyer: Buyer;
  readonly consignee: Consignee;
}

/** A lazily built population of `size` buyers. */
export interface Population {
  readonly size: number;
  /** Buyer number `index` (0-based); the same index always gives the same buyer. */
  member(index: number): PopulationMember;
}

/** Which part of the population a shard draws from: the buyers whose index is `shard` modulo `shards`. */
export interface PopulationSlice {
  readonly shard: number;
  readonly shards: number;
}

const WHOLE: PopulationSlice = { shard: 0, shards: 1 };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Creates a population of `size` buyers drawn from `rng` (one sub-stream per buyer), or the
 * `slice` of it a shard owns: buyer `i` of the slice is buyer `i * shards + shard` of the whole,
 * the same person (same stream, same registration number `U<index>`) whichever slice holds them.
 *
 * @example
 * ```ts
 * const whole = createPopulation(10, rng.stream('buyers'));
 * const odd = createPopulation(10, rng.stream('buyers'), { shard: 1, shards: 2 });
 * odd.size; // 5
 * odd.member(0).buyer.idNumber === whole.member(1).buyer.idNumber; // true
 * ```
 */
export function createPopulation(size: number, rng: Rng, slice: PopulationSlice = WHOLE): Population {
  const cache = new Map<number, PopulationMember>();
  return {
    size: Math.ceil((size - slice.shard) / slice.shards),
    member(index) {
      let m = cache.get(index);
      if (!m) {
        const whole = index * slice.shards + slice.shard;
        m = makeMember(index, whole, rng.stream(`buyer-${whole}`));
        cache.set(index, m);
      }
      return m;
    },
  };
}

/** Buyer `whole` of the population, known as `index` in the slice that holds it. */
function makeMember(index: number, whole: number, rng: Rng): PopulationMember {
  const [code, district] = DISTRICTS[rng.int(0, DISTRICTS.length - 1)]!;
  const year = rng.int(1960, 2004);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const first17 = `${code}${year}${pad(month, 2)}${pad(day, 2)}${pad(rng.int(0, 999), 3)}`;
  const name = SURNAMES[rng.int(0, SURNAMES.length - 1)]! + GIVEN[rng.int(0, GIVEN.length - 1)]! + (rng.bernoulli(0.5) ? GIVEN[rng.int(0, GIVEN.length - 1)]! : '');
  const phone = `1${rng.int(3, 9)}${pad(rng.int(0, 999_999_999), 9)}`;
  const buyer: Buyer = { regNo: `U${pad(whole, 9)}`, name, idType: '1', idNumber: first17 + residentIdCheckChar(first17), phone };
  return {
    index,
    buyer,
    consignee: { name, phone, address: { line: `广州市${district}某路 ${rng.int(1, 999)} 号`, districtCode: code } },
  };
}
