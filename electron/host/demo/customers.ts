import type { Customer } from '../../../shared/domain';
import type { NewPhone } from '../db';
import { TAGS, type Lang } from './catalog';
import { ASIAN_ENGLISH_FIRST, COMPANIES_EN, COMPANIES_ZH, ENGLISH_FIRST, ENGLISH_LAST, GIVEN_CHARS, GIVEN_NAMES, ROMANIZED_LAST, SURNAMES } from './names';
import { cnLandline, cnMobile, hkMobile, sgMobile, ukMobile, usNumber } from './phones';
import { CN_CITIES, CURRENCIES, ORIGIN_WEIGHTS, TIME_ZONES, UK_CITIES, US_CITIES, type Origin } from './places';
import { mix, Random, WeightedTable } from './prng';

export interface DemoCustomer {
  customer: Customer;
  phones: NewPhone[];
  lang: Lang;
  currency: string;
  /** The number their calls come from. */
  primary: string;
}

const DAY = 86_400_000;
/** Streams of the PRNG (see Random.for): one per kind of record, so adding one kind never shifts another. */
export const STREAM = { customer: 1, history: 2, task: 3 } as const;
/** Slot ranges per number kind, far apart so a customer's second mobile never equals someone's first. */
const SLOT = { secondMobile: 100_000_000, landline: 200_000_000 } as const;
/** One in this many customers also answers on the previous customer's number (family, shop). */
const SHARED_LINE_EVERY = 997;

export const customerId = (index: number) => `cust-${String(index + 1).padStart(7, '0')}`;

interface Person {
  name: string;
  emailName: string;
  lang: Lang;
}

const SURNAME_TABLE = new WeightedTable(SURNAMES.map(([s, p, w]) => [[s, p] as const, w] as const));
const CITY_TABLE = new WeightedTable(CN_CITIES.map((c) => [c, c.weight] as const));

function chineseName(rng: Random): Person {
  const [surname, surnamePinyin] = rng.fromTable(SURNAME_TABLE);
  const style = rng.weighted([['one', 30], ['common', 35], ['two', 35]] as const);
  const given =
    style === 'one' ? rng.pick(GIVEN_CHARS) : style === 'common' ? rng.pick(GIVEN_NAMES) : ((a, b) => [a[0] + b[0], a[1] + b[1]] as const)(rng.pick(GIVEN_CHARS), rng.pick(GIVEN_CHARS));
  return { name: surname + given[0], emailName: `${surnamePinyin}${given[1]}`, lang: 'zh-CN' };
}

function englishName(rng: Random, first: readonly string[], last: readonly string[]): Person {
  const f = rng.pick(first);
  const l = rng.pick(last);
  return { name: `${f} ${l}`, emailName: `${f}.${l}`.toLowerCase().replace(/[^a-z.]/g, ''), lang: 'en' };
}

/** Customer number `index` (0-based, generated part only) for this seed: a pure function of both. */
export function demoCustomer(seed: number, index: number, anchorMs: number, withSharedLine = true): DemoCustomer {
  const rng = Random.for(seed, STREAM.customer, index);
  const salt = mix(seed);
  const origin: Origin = rng.weighted(ORIGIN_WEIGHTS);
  const id = customerId(index);

  let person: Person;
  let city: string;
  let timeZone = TIME_ZONES[origin];
  let primary: string;
  const phones: NewPhone[] = [];
  switch (origin) {
    case 'CN': {
      // A few expats: English name, Chinese mobile.
      person = rng.chance(0.01) ? englishName(rng, ENGLISH_FIRST, ENGLISH_LAST) : chineseName(rng);
      const home = rng.fromTable(CITY_TABLE);
      city = home.name;
      primary = cnMobile(index, salt);
      if (rng.chance(0.15)) phones.push({ e164: cnLandline(home, SLOT.landline + index, salt), label: rng.pick(['work', 'home'] as const), isPrimary: false });
      if (rng.chance(0.04)) phones.push({ e164: cnMobile(SLOT.secondMobile + index, salt), label: 'mobile', isPrimary: false });
      break;
    }
    case 'US': {
      const home = rng.pick(US_CITIES);
      person = englishName(rng, ENGLISH_FIRST, ENGLISH_LAST);
      city = home.name;
      timeZone = home.timeZone;
      primary = usNumber(home, index, salt);
      break;
    }
    case 'GB':
      person = englishName(rng, ENGLISH_FIRST, ENGLISH_LAST);
      city = rng.pick(UK_CITIES);
      primary = ukMobile(index, salt);
      break;
    case 'HK':
      person = rng.chance(0.5) ? chineseName(rng) : englishName(rng, ASIAN_ENGLISH_FIRST, ROMANIZED_LAST);
      city = person.lang === 'zh-CN' ? '香港' : 'Hong Kong';
      primary = hkMobile(index, salt);
      break;
    case 'SG':
      person = rng.chance(0.3) ? chineseName(rng) : englishName(rng, ASIAN_ENGLISH_FIRST, ROMANIZED_LAST);
      city = person.lang === 'zh-CN' ? '新加坡' : 'Singapore';
      primary = sgMobile(index, salt);
      break;
  }
  phones.unshift({ e164: primary, label: 'mobile', isPrimary: true });
  if (withSharedLine && index > 0 && index % SHARED_LINE_EVERY === SHARED_LINE_EVERY - 1) {
    const neighbour = demoCustomer(seed, index - 1, anchorMs, false).primary;
    if (!phones.some((p) => p.e164 === neighbour)) phones.push({ e164: neighbour, label: 'home', isPrimary: false });
  }

  const segment = rng.weighted([['vip', 8], ['standard', 70], ['new', 22]] as const);
  const ageDays = segment === 'new' ? rng.int(3, 90) : rng.int(30, 6 * 365);
  const createdAt = anchorMs - ageDays * DAY - rng.int(0, DAY / 1000) * 1000;
  const b2b = rng.chance(0.08);
  const tags: string[] = rng.some(TAGS.filter((t) => t !== 'b2b'), rng.weighted([[0, 5], [1, 3], [2, 2], [3, 1]]));
  if (segment === 'vip') tags.unshift('high_value');
  if (b2b) tags.push('b2b');

  const customer: Customer = {
    id,
    name: person.name,
    segment,
    tags: [...new Set(tags)],
    region: origin,
    timeZone,
    email: rng.chance(0.6) ? `${person.emailName}${rng.chance(0.5) ? rng.int(1, 99) : ''}@${person.lang === 'zh-CN' ? rng.pick(['qq.com', '163.com', 'example.cn']) : 'example.com'}` : null,
    company: b2b ? rng.pick(person.lang === 'zh-CN' ? COMPANIES_ZH : COMPANIES_EN) : null,
    city,
    language: person.lang,
    doNotCall: rng.chance(0.01),
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: new Date(createdAt + Math.floor(rng.next() * (anchorMs - createdAt))).toISOString(),
  };
  return { customer, phones, lang: person.lang, currency: CURRENCIES[origin], primary };
}

/** True for customers that also answer on their neighbour's number (used by tests and stats). */
export const sharesLine = (index: number) => index > 0 && index % SHARED_LINE_EVERY === SHARED_LINE_EVERY - 1;
