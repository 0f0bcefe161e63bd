/** Where demo customers live: city, weight, and how their numbers look there. */

export interface ChinaCity {
  name: string;
  /** National destination code without the trunk 0, e.g. '10' for Beijing. */
  areaCode: string;
  weight: number;
}

export const CN_CITIES: readonly ChinaCity[] = [
  { name: '北京', areaCode: '10', weight: 10 }, { name: '上海', areaCode: '21', weight: 10 },
  { name: '广州', areaCode: '20', weight: 7 }, { name: '深圳', areaCode: '755', weight: 7 },
  { name: '杭州', areaCode: '571', weight: 5 }, { name: '成都', areaCode: '28', weight: 5 },
  { name: '武汉', areaCode: '27', weight: 4 }, { name: '南京', areaCode: '25', weight: 4 },
  { name: '西安', areaCode: '29', weight: 3 }, { name: '重庆', areaCode: '23', weight: 4 },
  { name: '天津', areaCode: '22', weight: 3 }, { name: '苏州', areaCode: '512', weight: 3 },
  { name: '长沙', areaCode: '731', weight: 2 }, { name: '郑州', areaCode: '371', weight: 2 },
  { name: '青岛', areaCode: '532', weight: 2 }, { name: '沈阳', areaCode: '24', weight: 2 },
  { name: '合肥', areaCode: '551', weight: 2 }, { name: '昆明', areaCode: '871', weight: 1 },
  { name: '大连', areaCode: '411', weight: 1 }, { name: '宁波', areaCode: '574', weight: 1 },
  { name: '济南', areaCode: '531', weight: 1 }, { name: '福州', areaCode: '591', weight: 1 },
  { name: '哈尔滨', areaCode: '451', weight: 1 },
];

/** Mobile prefixes of the three carriers (all valid for libphonenumber's CN metadata). */
export const CN_MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157',
  '158', '159', '166', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199',
] as const;

export interface UsCity {
  name: string;
  areaCodes: readonly string[];
  timeZone: string;
}

export const US_CITIES: readonly UsCity[] = [
  { name: 'New York', areaCodes: ['212', '646', '917'], timeZone: 'America/New_York' },
  { name: 'San Francisco', areaCodes: ['415', '628'], timeZone: 'America/Los_Angeles' },
  { name: 'Los Angeles', areaCodes: ['310', '213'], timeZone: 'America/Los_Angeles' },
  { name: 'Chicago', areaCodes: ['312', '773'], timeZone: 'America/Chicago' },
  { name: 'Boston', areaCodes: ['617'], timeZone: 'America/New_York' },
  { name: 'Seattle', areaCodes: ['206'], timeZone: 'America/Los_Angeles' },
];

export const UK_CITIES = ['London', 'Manchester', 'Birmingham', 'Edinburgh', 'Bristol'] as const;
/** UK mobile number blocks (07xxx) in use. */
export const UK_MOBILE_BLOCKS = ['7400', '7500', '7510', '7723', '7800', '7831', '7900', '7956'] as const;
/** Hong Kong and Singapore mobile blocks (first two of eight digits) that are fully allocated. */
export const HK_MOBILE_BLOCKS = ['61', '63', '64', '65', '69', '94', '96', '97'] as const;
export const SG_MOBILE_BLOCKS = ['81', '82', '83', '84', '85', '86', '87', '88', '90', '91', '92', '93', '94', '96', '97', '98'] as const;

export type Origin = 'CN' | 'US' | 'GB' | 'HK' | 'SG';

export const ORIGIN_WEIGHTS: readonly (readonly [Origin, number])[] = [
  ['CN', 88], ['US', 4], ['GB', 3], ['HK', 3], ['SG', 2],
];

export const TIME_ZONES: Record<Origin, string> = {
  CN: 'Asia/Shanghai',
  US: 'America/New_York',
  GB: 'Europe/London',
  HK: 'Asia/Hong_Kong',
  SG: 'Asia/Singapore',
};

export const CURRENCIES: Record<Origin, string> = { CN: 'CNY', US: 'USD', GB: 'GBP', HK: 'HKD', SG: 'SGD' };
