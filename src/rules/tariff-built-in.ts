/**
 * The built-in tariff rows: small and illustrative, right where they speak.
 *
 * - **MFN duty, export rebate and postal category** are given for a handful of goods CBEC orders
 *   commonly carry, as **illustrative** values (plausible, not taken from a tariff text). For real
 *   goods, give a tariff file or a product's `rates`: they take precedence.
 * - **VAT bands** follow the dates of {@link VAT_BANDS}; books take the reduced band.
 * - **Consumption tax** rows cover every category of the consumption-tax table (消费税税目税率表) an
 *   import can meet, with the statutory rate, its high-end thresholds and its specific amounts
 *   [M: statutory table as commonly reproduced]; goods no row covers pay none. These rows give no
 *   duty: goods of those categories need a duty from the user's tariff or their own rates.
 */
import type { PostalCategory } from './types.js';
import type { HighEndTier, MeasureUnit, PriceTest, SpecificTax, TariffRow, VatBand } from './tariff.js';
import { money } from '../money/money.js';

const ILLUSTRATIVE = 'illustrative: duty, rebate and postal category are plausible values, not taken from a tariff text';
const CT_TABLE = '消费税暂行条例 税目税率表';

/** What a built-in row is written from: rates as decimal text. */
interface RowSpec {
  readonly duty?: string;
  readonly vat?: VatBand;
  readonly ct?: string;
  readonly specific?: SpecificTax;
  readonly highEnd?: HighEndTier;
  readonly rebate?: string;
  readonly postal?: PostalCategory;
  readonly from?: string;
  readonly until?: string;
  readonly source: string;
}

function row(prefix: string, description: string, spec: RowSpec): TariffRow {
  return Object.freeze({
    prefix,
    description,
    ...(spec.duty === undefined ? {} : { duty: money(spec.duty) }),
    ...(spec.vat === undefined ? {} : { vatBand: spec.vat }),
    ...(spec.ct === undefined ? {} : { consumption: money(spec.ct) }),
    ...(spec.specific ? { specific: spec.specific } : {}),
    ...(spec.highEnd ? { highEnd: spec.highEnd } : {}),
    ...(spec.rebate === undefined ? {} : { exportRebate: money(spec.rebate) }),
    ...(spec.postal === undefined ? {} : { postalCategory: spec.postal }),
    ...(spec.from === undefined ? {} : { from: spec.from }),
    ...(spec.until === undefined ? {} : { until: spec.until }),
    source: spec.source,
  });
}

const perQuantity = (amount: string, per: string, unit: MeasureUnit): SpecificTax => ({ amount: money(amount), per: money(per), unit });
const priceTest = (price: string, per: string, unit: MeasureUnit): PriceTest => ({ price: money(price), per: money(per), unit });

/** Illustrative duty, rebate and postal category of a common CBEC good, standard VAT, no consumption tax. */
const common = (duty: string, rebate: string, postal: PostalCategory, extra: Partial<RowSpec> = {}): RowSpec => ({ duty, rebate, postal, vat: 'standard', ct: '0', source: ILLUSTRATIVE, ...extra });

/** 高档化妆品 from 2016-10-01 (财税〔2016〕103号): 10 CNY or more per ml or g, or 15 CNY or more per piece; 15%. */
const HIGH_END_COSMETICS: HighEndTier = { from: [priceTest('10', '1', 'ml'), priceTest('15', '1', 'piece')], consumption: money('0.15') };
const COSMETICS_2016 = `${CT_TABLE}, 高档化妆品 15% from 2016-10-01 at 10 CNY or more per ml or g or 15 CNY or more per piece (财税〔2016〕103号) [M]; below the test no consumption tax`;
const COSMETICS_BEFORE = `${CT_TABLE}, 化妆品 30% until 2016-09-30 (财税〔2016〕103号 ended it) [M]`;
/** 高档手表 (财税〔2006〕33号): 20% from 10,000 CNY per watch; postal category 3. */
const HIGH_END_WATCH: HighEndTier = { from: [priceTest('10000', '1', 'piece')], consumption: money('0.20'), postalCategory: 3 };
const WATCH_SOURCE = `${CT_TABLE}, 高档手表 20% from 10,000 CNY per watch (财税〔2006〕33号) [M]; postal category 3 when high-end; ${ILLUSTRATIVE}`;
const AT_RETAIL = 'is levied at retail in China (5%), not at import';

/** The built-in rows. Each row's `source` says what its rates rest on. */
export const TARIFF: readonly TariffRow[] = /* @__PURE__ */ (() =>
  Object.freeze([
  // common CBEC goods: illustrative duty, rebate and postal category
  row('1901', 'Infant formula (婴幼儿配方奶粉) and other food preparations of heading 1901', common('0.15', '0.13', 1)),
  row('2106', 'Health supplements (保健食品) and other food preparations', common('0.12', '0.13', 1)),
  row('2204', 'Wine of fresh grapes', { ...common('0.14', '0.13', 4), ct: '0.10', source: `${CT_TABLE}, 其他酒 10% [M]; ${ILLUSTRATIVE}` }),
  row('3304', 'Beauty, make-up and skin-care preparations (美容修饰类及护肤类化妆品)', { ...common('0.05', '0.09', 4), highEnd: HIGH_END_COSMETICS, from: '2016-10-01', source: `${COSMETICS_2016}; ${ILLUSTRATIVE}` }),
  row('3304', 'Beauty and make-up preparations (美容修饰类化妆品)', { ...common('0.05', '0.09', 4), ct: '0.30', until: '2016-10-01', source: `${COSMETICS_BEFORE}; ${ILLUSTRATIVE}` }),
  row('33049900', 'Skin care (护肤品) and other preparations', { ...common('0.02', '0.09', 4), until: '2016-10-01', source: `skin care left the consumption tax on 2006-04-01 (财税〔2006〕33号) and was taxed again only as 高档化妆品 from 2016-10-01 [M]; ${ILLUSTRATIVE}` }),
  row('4202', 'Handbags, wallets and similar containers', common('0.06', '0.13', 2)),
  row('4901', 'Printed books', common('0', '0.09', 1, { vat: 'reduced', source: `reduced VAT band for books [M]; ${ILLUSTRATIVE}` })),
  row('61', 'Clothing, knitted or crocheted', common('0.07', '0.13', 2)),
  row('62', 'Clothing, not knitted', common('0.07', '0.13', 2)),
  row('8471', 'Computers and units thereof', common('0', '0.13', 1)),
  row('8517', 'Mobile phones and other telephone sets', common('0', '0.13', 1)),
  row('8518', 'Headphones, earphones and loudspeakers', common('0.08', '0.13', 2)),
  row('9101', 'Wrist-watches with a case of precious metal', { ...common('0.08', '0.13', 2), highEnd: HIGH_END_WATCH, source: WATCH_SOURCE }),
  row('9102', 'Other wrist-watches', { ...common('0.08', '0.13', 2), highEnd: HIGH_END_WATCH, source: WATCH_SOURCE }),
  row('9503', 'Toys', common('0', '0.13', 1)),

  // consumption-tax categories: the statutory rate, no duty
  row('3303', 'Perfumes and toilet waters (香水及花露水)', { ct: '0', highEnd: HIGH_END_COSMETICS, from: '2016-10-01', source: COSMETICS_2016 }),
  row('3303', 'Perfumes and toilet waters (香水及花露水)', { ct: '0.30', until: '2016-10-01', source: COSMETICS_BEFORE }),
  row('2203', 'Beer (啤酒)', {
    ct: '0',
    specific: perQuantity('220', '988', 'l'),
    highEnd: { from: [priceTest('3000', '988', 'l')], consumption: money('0'), specific: perQuantity('250', '988', 'l') },
    source: `${CT_TABLE}, 啤酒 220 CNY per tonne, 250 CNY per tonne from 3,000 CNY per tonne; a tonne of beer is 988 l [M]`,
  }),
  row('2205', 'Vermouth and other flavoured wine', { ct: '0.10', source: `${CT_TABLE}, 其他酒 10% [M]` }),
  row('22060010', 'Yellow rice wine (黄酒)', { ct: '0', specific: perQuantity('240', '962', 'l'), source: `${CT_TABLE}, 黄酒 240 CNY per tonne; a tonne of yellow wine is 962 l [M]` }),
  row('22060090', 'Other fermented beverages (cider, perry, mead, sake)', { ct: '0.10', source: `${CT_TABLE}, 其他酒 10% [M]` }),
  row('2208', 'Spirits other than baijiu (whisky, brandy, vodka, gin, rum, liqueurs)', { ct: '0.10', source: `${CT_TABLE}, 其他酒 10% [M]` }),
  row('22089020', 'Chinese baijiu (白酒)', { ct: '0.20', specific: perQuantity('0.5', '0.5', 'l'), source: `${CT_TABLE}, 白酒 20% plus 0.5 CNY per 500 g or 500 ml [M]` }),
  row('240210', 'Cigars (雪茄烟)', { ct: '0.36', source: `${CT_TABLE}, 雪茄烟 36% [M]` }),
  row('240220', 'Cigarettes (卷烟)', {
    ct: '0.36',
    specific: perQuantity('0.003', '1', 'stick'),
    highEnd: { from: [priceTest('70', '200', 'stick')], consumption: money('0.56'), specific: perQuantity('0.003', '1', 'stick') },
    source: `${CT_TABLE}, 卷烟 36% plus 0.003 CNY per stick, 56% plus 0.003 CNY per stick from 70 CNY per 200 sticks (甲类) [M]`,
  }),
  row('240311', 'Water-pipe tobacco (烟丝)', { ct: '0.30', source: `${CT_TABLE}, 烟丝 30% [M]` }),
  row('240319', 'Other smoking tobacco (烟丝)', { ct: '0.30', source: `${CT_TABLE}, 烟丝 30% [M]` }),
  row('3604', 'Fireworks and firecrackers (鞭炮焰火)', { ct: '0.15', source: `${CT_TABLE}, 鞭炮焰火 15% [M]` }),
  row('44191210', 'Disposable chopsticks of bamboo (一次性筷子)', { ct: '0.05', source: `${CT_TABLE}, 木制一次性筷子 5% (财税〔2006〕33号) [M]` }),
  row('44199010', 'Disposable chopsticks of other wood (一次性筷子)', { ct: '0.05', source: `${CT_TABLE}, 木制一次性筷子 5% (财税〔2006〕33号) [M]` }),
  row('4409', 'Wood floor strips (实木地板)', { ct: '0.05', source: `${CT_TABLE}, 实木地板 5% (财税〔2006〕33号) [M]` }),
  row('44187', 'Assembled wood flooring (实木地板)', { ct: '0.05', source: `${CT_TABLE}, 实木地板 5% (财税〔2006〕33号) [M]` }),
  row('7101', 'Pearls (珍珠)', { ct: '0.10', source: `${CT_TABLE}, 其他贵重首饰及珠宝玉石 10% [M]` }),
  row('7102', 'Diamonds (钻石)', { ct: '0', source: `${CT_TABLE}: the consumption tax on diamonds ${AT_RETAIL} [M]` }),
  row('7103', 'Precious and semi-precious stones (宝石)', { ct: '0.10', source: `${CT_TABLE}, 其他贵重首饰及珠宝玉石 10% [M]` }),
  row('711311', 'Jewellery of silver (银首饰)', { ct: '0', source: `${CT_TABLE}: the consumption tax on silver jewellery ${AT_RETAIL} [M]` }),
  row('711319', 'Jewellery of gold or platinum (金、铂首饰)', { ct: '0', source: `${CT_TABLE}: the consumption tax on gold and platinum jewellery ${AT_RETAIL} [M]` }),
  row('711320', 'Jewellery of base metal clad with precious metal', { ct: '0.10', source: `${CT_TABLE}, 其他贵重首饰及珠宝玉石 10% [M]` }),
  row('7116', 'Articles of pearls or precious stones', { ct: '0.10', source: `${CT_TABLE}, 其他贵重首饰及珠宝玉石 10% [M]` }),
  row('95063', 'Golf clubs, balls and equipment (高尔夫球及球具)', { ct: '0.10', from: '2006-04-01', source: `${CT_TABLE}, 高尔夫球及球具 10% (财税〔2006〕33号) [M]` }),
  row('89032', 'Sailboats (游艇)', { ct: '0.10', from: '2006-04-01', source: `${CT_TABLE}, 游艇 10% (8 to 90 m long; 财税〔2006〕33号) [M]` }),
  row('89033', 'Motorboats (游艇)', { ct: '0.10', from: '2006-04-01', source: `${CT_TABLE}, 游艇 10% (8 to 90 m long; 财税〔2006〕33号) [M]` }),
  row('87111', 'Motorcycles up to 50 ml (摩托车)', { ct: '0.03', until: '2014-12-01', source: `${CT_TABLE}, 摩托车 3% up to 250 ml [M]` }),
  row('87112', 'Motorcycles of 50 to 250 ml (摩托车)', { ct: '0.03', until: '2014-12-01', source: `${CT_TABLE}, 摩托车 3% up to 250 ml [M]` }),
  row('87111', 'Motorcycles up to 50 ml (摩托车)', { ct: '0', from: '2014-12-01', source: `${CT_TABLE}: no consumption tax below 250 ml from 2014-12-01 (财税〔2014〕93号) [M]` }),
  row('87112', 'Motorcycles of 50 to 250 ml (摩托车)', { ct: '0', from: '2014-12-01', source: `${CT_TABLE}: no consumption tax below 250 ml from 2014-12-01 (财税〔2014〕93号); exactly 250 ml pays 3%: give rates [M]` }),
  row('87113', 'Motorcycles over 250 ml (摩托车)', { ct: '0.10', source: `${CT_TABLE}, 摩托车 10% over 250 ml [M]` }),
  row('87114', 'Motorcycles over 250 ml (摩托车)', { ct: '0.10', source: `${CT_TABLE}, 摩托车 10% over 250 ml [M]` }),
  row('87115', 'Motorcycles over 250 ml (摩托车)', { ct: '0.10', source: `${CT_TABLE}, 摩托车 10% over 250 ml [M]` }),
  row('870321', 'Passenger cars up to 1.0 l (小汽车)', { ct: '0.01', source: `${CT_TABLE}, 乘用车 1% up to 1.0 l [M]` }),
  row('870322', 'Passenger cars of 1.0 to 1.5 l (小汽车)', { ct: '0.03', source: `${CT_TABLE}, 乘用车 3% over 1.0 l up to 1.5 l [M]` }),
  row('8703234', 'Passenger cars of 1.5 to 2.0 l (小汽车)', { ct: '0.05', source: `${CT_TABLE}, 乘用车 5% over 1.5 l up to 2.0 l [M]` }),
  row('8703235', 'Passenger cars of 2.0 to 2.5 l (小汽车)', { ct: '0.09', source: `${CT_TABLE}, 乘用车 9% over 2.0 l up to 2.5 l [M]` }),
  row('8703236', 'Passenger cars of 2.5 to 3.0 l (小汽车)', { ct: '0.12', source: `${CT_TABLE}, 乘用车 12% over 2.5 l up to 3.0 l [M]` }),
  row('8703241', 'Passenger cars of 3.0 to 4.0 l (小汽车)', { ct: '0.25', source: `${CT_TABLE}, 乘用车 25% over 3.0 l up to 4.0 l [M]` }),
  row('8703242', 'Passenger cars over 4.0 l (小汽车)', { ct: '0.40', source: `${CT_TABLE}, 乘用车 40% over 4.0 l [M]` }),
  row('85071', 'Lead-acid accumulators for starting engines (电池)', { ct: '0.04', from: '2016-01-01', source: `${CT_TABLE}, 电池 4%, lead-acid from 2016-01-01 (财税〔2015〕16号) [M]` }),
  row('85072', 'Other lead-acid accumulators (电池)', { ct: '0.04', from: '2016-01-01', source: `${CT_TABLE}, 电池 4%, lead-acid from 2016-01-01 (财税〔2015〕16号) [M]` }),
  row('85073', 'Nickel-cadmium accumulators (电池)', { ct: '0.04', from: '2015-02-01', source: `${CT_TABLE}, 电池 4% from 2015-02-01 (财税〔2015〕16号; lithium, nickel-metal hydride and mercury-free cells are exempt) [M]` }),
  row('3208', 'Paints and varnishes in a non-aqueous medium (涂料)', { ct: '0.04', from: '2015-02-01', source: `${CT_TABLE}, 涂料 4% from 2015-02-01 (财税〔2015〕16号; exempt below 420 g/l of volatile organic compounds: give rates) [M]` }),
  row('3209', 'Paints and varnishes in an aqueous medium (涂料)', { ct: '0.04', from: '2015-02-01', source: `${CT_TABLE}, 涂料 4% from 2015-02-01 (财税〔2015〕16号; exempt below 420 g/l of volatile organic compounds: give rates) [M]` }),
  row('27101210', 'Motor and aviation gasoline (汽油)', { ct: '0', specific: perQuantity('1.52', '1', 'l'), from: '2015-01-13', source: `${CT_TABLE}, 汽油 1.52 CNY per litre from 2015-01-13 (财税〔2015〕11号) [M]` }),
  row('27101923', 'Diesel oil (柴油)', { ct: '0', specific: perQuantity('1.2', '1', 'l'), from: '2015-01-13', source: `${CT_TABLE}, 柴油 1.20 CNY per litre from 2015-01-13 (财税〔2015〕11号) [M]` }),
]))();
