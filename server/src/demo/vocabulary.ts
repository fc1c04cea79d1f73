import type { Random } from './random.ts';

/**
 * Words the demo generator composes names from. Weights steer the draw only; nothing here is a figure
 * the product reports (every reported number is computed from the records the generator writes).
 */

/** Common Chinese surnames, weighted roughly by how common they are. */
const surnames: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 70], ['张', 66], ['刘', 54], ['陈', 53], ['杨', 31], ['黄', 23], ['赵', 23], ['吴', 20], ['周', 19],
  ['徐', 17], ['孙', 15], ['马', 15], ['朱', 14], ['胡', 13], ['郭', 12], ['何', 12], ['林', 11], ['高', 11], ['罗', 11],
  ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 8], ['唐', 8], ['许', 7], ['韩', 7], ['邓', 7], ['冯', 7], ['曹', 7],
  ['彭', 7], ['曾', 6], ['肖', 6], ['田', 6], ['董', 6], ['潘', 5], ['袁', 5], ['蔡', 5], ['蒋', 5], ['余', 5],
  ['于', 5], ['杜', 5], ['叶', 5], ['程', 5], ['魏', 4], ['苏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['卢', 4],
  ['姚', 4], ['沈', 4], ['钟', 4], ['姜', 4], ['崔', 4], ['谭', 4], ['陆', 4], ['范', 3], ['汪', 3], ['廖', 3],
  ['石', 3], ['金', 3], ['贾', 3], ['夏', 3], ['付', 3], ['方', 3], ['邹', 3], ['熊', 3], ['白', 3], ['孟', 3],
  ['秦', 3], ['邱', 3], ['侯', 3], ['江', 3], ['尹', 3], ['薛', 3], ['闫', 3], ['段', 2], ['雷', 2], ['史', 2],
  ['陶', 2], ['贺', 2], ['毛', 2], ['郝', 2], ['顾', 2], ['龚', 2], ['邵', 2], ['万', 2], ['武', 2], ['钱', 2],
  ['戴', 2], ['严', 2], ['孔', 2], ['常', 2], ['康', 2], ['齐', 1], ['耿', 1], ['牛', 1], ['欧阳', 1], ['司马', 1],
];

/** Given-name characters by sex and generation (names of the 1960s–80s differ from those of the 1990s on). */
const givenChars = {
  male: {
    earlier: '建国军华平明强伟勇刚志海林峰东文斌波杰涛永宝庆福成德春生利山新立忠振胜学红兵',
    later: '浩宇轩子博俊泽睿辰昊晨鹏文凯杰阳天一航铭磊鑫帅硕龙嘉琦宁远哲',
  },
  female: {
    earlier: '秀英玉兰桂芳丽红霞梅娟敏华燕萍静艳琴云凤洁莉慧颖春',
    later: '欣怡梓涵雨萱思佳诗悦可馨婷琪瑶雪晴璐若婉语晨心月',
  },
} as const;

export type Sex = 'male' | 'female';

/** A realistic full name: weighted surname and one or two given-name characters of the holder's generation. */
export function personName(random: Random, sex: Sex, birthYear: number): string {
  const pool = [...givenChars[sex][birthYear < 1985 ? 'earlier' : 'later']];
  const surname = random.weighted(surnames);
  const first = random.pick(pool);
  if (random.chance(0.22)) return surname + first;
  let second = random.pick(pool);
  while (second === first) second = random.pick(pool);
  return surname + first + second;
}

/** Characters of trade names (字号): auspicious words of the kind firms register, paired at random. */
const tradeNameChars = [...'鑫源宏达恒通华锐瑞丰金泰永盛德胜和嘉诚富隆兴旺昌荣信誉利汇智博远航创佳康安顺益凯腾辉祥润海天晟昊宇坤鼎盈泽禾森铭聚力'];

export function tradeName(random: Random): string {
  const first = random.pick(tradeNameChars);
  let second = random.pick(tradeNameChars);
  while (second === first) second = random.pick(tradeNameChars);
  return first + second;
}

/** Mobile prefixes of the three carriers; the remaining eight digits are drawn. */
const mobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '176', '177', '180', '181', '182', '185', '186', '187', '188', '189', '199'];

export function mobileNumber(random: Random): string {
  return random.pick(mobilePrefixes) + String(random.int(0, 99_999_999)).padStart(8, '0');
}

export interface IndustryProfile {
  /** GB/T 4754-2017 division. */
  division: string;
  /** Words that end a company name in this industry (行业表述). */
  words: readonly string[];
  /** Positions (岗位) of the trade, weighted. */
  positions: readonly (readonly [string, number])[];
  /** Share of men among the staff, to draw each person's sex. */
  maleShare: number;
  /** How the 《中小企业划型标准规定》 (工信部联企业〔2011〕300号) bands staff numbers for this industry. */
  sizeBands: SizeBands;
  /** Whether firms of this trade sit in industrial parks, or mostly in town. */
  inParks: boolean;
  /** Share of short (under one year) labour contracts, common in seasonal trades. */
  shortContracts: number;
}

/** Staff numbers per size class [min, max]: the standard's thresholds, with plausible upper ends for large firms. */
export interface SizeBands {
  micro: readonly [number, number];
  small: readonly [number, number];
  medium: readonly [number, number];
  large: readonly [number, number];
}

// 工信部联企业〔2011〕300号: industry (工业) micro < 20, small 20–299, medium 300–999, large ≥ 1000 employees.
const industryBands: SizeBands = { micro: [5, 19], small: [20, 299], medium: [300, 999], large: [1000, 2800] };
// Construction is banded by revenue and assets only; these staff numbers are typical of each class.
const constructionBands: SizeBands = { micro: [8, 29], small: [30, 199], medium: [200, 799], large: [800, 2400] };
// Retail: micro < 10, small 10–49, medium 50–299, large ≥ 300.
const retailBands: SizeBands = { micro: [3, 9], small: [10, 49], medium: [50, 299], large: [300, 900] };
// Road transport: micro < 20, small 20–299, medium 300–999, large ≥ 1000.
const transportBands: SizeBands = { micro: [6, 19], small: [20, 299], medium: [300, 999], large: [1000, 2000] };
// Warehousing: micro < 20, small 20–99, medium 100–199, large ≥ 200.
const warehousingBands: SizeBands = { micro: [6, 19], small: [20, 99], medium: [100, 199], large: [200, 600] };
// Catering, software and IT services: micro < 10, small 10–99, medium 100–299, large ≥ 300.
const serviceBands: SizeBands = { micro: [4, 9], small: [10, 99], medium: [100, 299], large: [300, 800] };

const factory = (positions: [string, number][]): [string, number][] => [
  ...positions,
  ['质检员', 6], ['仓库管理员', 3], ['设备维修工', 4], ['电工', 3], ['班组长', 4], ['安全员', 2],
  ['人力资源专员', 1], ['会计', 1], ['销售代表', 2], ['行政专员', 1],
];
const office: [string, number][] = [['人力资源专员', 1], ['会计', 1], ['行政专员', 1]];

export const industryProfiles: readonly IndustryProfile[] = [
  {
    division: '13', words: ['粮油', '农产品加工', '饲料', '食品加工'], maleShare: 0.55, sizeBands: industryBands, inParks: true, shortContracts: 0.06,
    positions: factory([['粮油加工工', 12], ['包装工', 8], ['化验员', 3], ['叉车司机', 3], ['饲料加工工', 5]]),
  },
  {
    division: '14', words: ['食品', '食品科技', '调味品', '烘焙食品'], maleShare: 0.42, sizeBands: industryBands, inParks: true, shortContracts: 0.08,
    positions: factory([['食品生产工', 14], ['包装工', 8], ['化验员', 3], ['面点师', 3], ['品控专员', 3]]),
  },
  {
    division: '26', words: ['化工', '精细化工', '涂料', '新材料'], maleShare: 0.72, sizeBands: industryBands, inParks: true, shortContracts: 0.02,
    positions: factory([['化工操作工', 14], ['化验员', 5], ['工艺工程师', 3], ['危险化学品仓管员', 2], ['安全员', 3]]),
  },
  {
    division: '29', words: ['塑料制品', '橡塑制品', '塑胶科技', '包装材料'], maleShare: 0.62, sizeBands: industryBands, inParks: true, shortContracts: 0.04,
    positions: factory([['注塑工', 14], ['挤出工', 6], ['模具工', 5], ['包装工', 4]]),
  },
  {
    division: '30', words: ['建材', '新型建材', '玻璃制品', '混凝土'], maleShare: 0.75, sizeBands: industryBands, inParks: true, shortContracts: 0.05,
    positions: factory([['混凝土搅拌工', 8], ['窑炉工', 5], ['搅拌车司机', 5], ['试验员', 3], ['装载机司机', 3]]),
  },
  {
    division: '33', words: ['金属制品', '五金制品', '钢结构', '精密铸造', '紧固件'], maleShare: 0.8, sizeBands: industryBands, inParks: true, shortContracts: 0.03,
    positions: factory([['焊工', 12], ['冲压工', 8], ['铸造工', 5], ['数控车工', 7], ['钳工', 5], ['热处理工', 3]]),
  },
  {
    division: '34', words: ['机械', '机械设备', '泵业', '阀门', '轴承'], maleShare: 0.8, sizeBands: industryBands, inParks: true, shortContracts: 0.02,
    positions: factory([['数控车工', 10], ['装配钳工', 9], ['铣工', 5], ['磨工', 4], ['机械设计工程师', 3], ['焊工', 4]]),
  },
  {
    division: '35', words: ['智能装备', '专用设备', '环保设备', '农业机械'], maleShare: 0.78, sizeBands: industryBands, inParks: true, shortContracts: 0.02,
    positions: factory([['装配钳工', 10], ['电气调试员', 6], ['焊工', 6], ['数控铣工', 5], ['机械设计工程师', 3], ['售后服务工程师', 3]]),
  },
  {
    division: '36', words: ['汽车零部件', '汽车配件', '汽车部件', '汽车内饰'], maleShare: 0.72, sizeBands: industryBands, inParks: true, shortContracts: 0.03,
    positions: factory([['汽车零部件装配工', 14], ['焊工', 8], ['冲压工', 6], ['涂装工', 4], ['数控车工', 5], ['工艺工程师', 2]]),
  },
  {
    division: '38', words: ['电气', '电缆', '电机', '电器', '新能源科技'], maleShare: 0.66, sizeBands: industryBands, inParks: true, shortContracts: 0.03,
    positions: factory([['电机装配工', 10], ['绕线工', 6], ['电线电缆制造工', 6], ['电气调试员', 5], ['电气工程师', 2]]),
  },
  {
    division: '39', words: ['电子', '电子科技', '光电科技', '智能科技'], maleShare: 0.5, sizeBands: industryBands, inParks: true, shortContracts: 0.05,
    positions: factory([['电子装接工', 12], ['SMT操作员', 8], ['电子产品测试员', 5], ['硬件工程师', 2], ['包装工', 3]]),
  },
  {
    division: '44', words: ['热力', '供热', '热电'], maleShare: 0.78, sizeBands: industryBands, inParks: false, shortContracts: 0.01,
    positions: [['锅炉运行值班员', 10], ['供热管网运行工', 8], ['热力工程师', 2], ['电工', 4], ['安全员', 2], ...office],
  },
  {
    division: '46', words: ['水务', '供水', '自来水'], maleShare: 0.66, sizeBands: industryBands, inParks: false, shortContracts: 0.01,
    positions: [['制水工', 8], ['水质检验员', 5], ['管道维修工', 7], ['抄表员', 4], ['电工', 3], ...office],
  },
  {
    division: '47', words: ['建筑工程', '建设工程', '建设'], maleShare: 0.86, sizeBands: constructionBands, inParks: false, shortContracts: 0.12,
    positions: [['钢筋工', 8], ['木工', 6], ['架子工', 5], ['砌筑工', 5], ['施工员', 4], ['安全员', 3], ['测量员', 2], ['焊工', 3], ...office],
  },
  {
    division: '48', words: ['路桥工程', '市政工程', '公路工程'], maleShare: 0.88, sizeBands: constructionBands, inParks: false, shortContracts: 0.1,
    positions: [['筑路工', 8], ['挖掘机司机', 5], ['测量员', 3], ['施工员', 4], ['试验员', 2], ['安全员', 3], ...office],
  },
  {
    division: '50', words: ['装饰工程', '建筑装饰'], maleShare: 0.8, sizeBands: constructionBands, inParks: false, shortContracts: 0.1,
    positions: [['装饰装修工', 10], ['油漆工', 5], ['水电安装工', 6], ['设计师', 3], ['项目经理', 2], ...office],
  },
  {
    division: '52', words: ['商贸', '超市', '商业', '连锁超市'], maleShare: 0.35, sizeBands: retailBands, inParks: false, shortContracts: 0.12,
    positions: [['营业员', 12], ['收银员', 8], ['理货员', 6], ['店长', 2], ['生鲜加工员', 3], ...office],
  },
  {
    division: '54', words: ['运输', '物流', '货运'], maleShare: 0.85, sizeBands: transportBands, inParks: false, shortContracts: 0.06,
    positions: [['货车司机', 14], ['调度员', 4], ['装卸工', 6], ['车辆维修工', 3], ['安全员', 2], ...office],
  },
  {
    division: '59', words: ['仓储', '供应链管理', '物流'], maleShare: 0.7, sizeBands: warehousingBands, inParks: true, shortContracts: 0.08,
    positions: [['仓库管理员', 10], ['叉车司机', 8], ['分拣员', 8], ['装卸工', 5], ['物流调度员', 3], ['安全员', 1], ...office],
  },
  {
    division: '62', words: ['餐饮管理', '餐饮', '饮食服务'], maleShare: 0.45, sizeBands: serviceBands, inParks: false, shortContracts: 0.2,
    positions: [['中式烹调师', 10], ['面点师', 5], ['餐厅服务员', 12], ['配菜员', 5], ['餐厅经理', 2], ['收银员', 2], ['食品安全管理员', 1]],
  },
  {
    division: '65', words: ['软件', '信息技术', '数字科技', '网络科技'], maleShare: 0.68, sizeBands: serviceBands, inParks: true, shortContracts: 0.03,
    positions: [['软件工程师', 12], ['测试工程师', 5], ['运维工程师', 4], ['实施工程师', 5], ['产品经理', 2], ['销售代表', 2], ...office],
  },
];

/** How often each division occurs among the demo enterprises: manufacturing-heavy, as in Baodi's parks. */
export const divisionWeights: readonly (readonly [string, number])[] = [
  ['36', 14], ['33', 10], ['34', 9], ['35', 6], ['38', 6], ['39', 5], ['29', 6], ['30', 5], ['26', 4], ['13', 6], ['14', 5],
  ['47', 3], ['48', 3], ['50', 2], ['52', 4], ['54', 3], ['59', 4], ['62', 5], ['65', 3], ['44', 1], ['46', 1],
];

export const profileOf = (division: string): IndustryProfile => {
  const profile = industryProfiles.find((p) => p.division === division);
  if (!profile) throw new RangeError(`no demo industry profile for division ${division}`);
  return profile;
};

/** Birth places of incoming workers: GB/T 2260 county codes near the three regions. */
export const nearbyCounties: Record<string, readonly string[]> = {
  baodi: ['120114', '120117', '120119', '120116', '131082', '131023', '130281', '130225'],
  tongzhou: ['110113', '110114', '110115', '110117', '131082', '131024', '131028', '120114'],
  tangshan: ['130203', '130204', '130205', '130207', '130281', '130283', '130225', '130229'],
};
