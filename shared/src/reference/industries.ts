/** GB/T 4754-2017 国民经济行业分类: sections (门类) and divisions (大类), the industry reference of enterprise records. */
export interface IndustrySection { code: string; nameZh: string; nameEn: string }
export interface IndustryDivision { code: string; section: string; nameZh: string; nameEn: string }

// Names follow GB/T 4754-2017 as amended by Amendment No.1 (2019), which did not change any
// section or division name. English names follow the NBS (China Statistical Yearbook) usage
// where established; the rest are faithful translations.
export const industrySections: readonly IndustrySection[] = [
  { code: 'A', nameZh: '农、林、牧、渔业', nameEn: 'Agriculture, Forestry, Animal Husbandry and Fishery' },
  { code: 'B', nameZh: '采矿业', nameEn: 'Mining' },
  { code: 'C', nameZh: '制造业', nameEn: 'Manufacturing' },
  { code: 'D', nameZh: '电力、热力、燃气及水生产和供应业', nameEn: 'Production and Supply of Electricity, Heat, Gas and Water' },
  { code: 'E', nameZh: '建筑业', nameEn: 'Construction' },
  { code: 'F', nameZh: '批发和零售业', nameEn: 'Wholesale and Retail Trades' },
  { code: 'G', nameZh: '交通运输、仓储和邮政业', nameEn: 'Transport, Storage and Post' },
  { code: 'H', nameZh: '住宿和餐饮业', nameEn: 'Accommodation and Catering' },
  { code: 'I', nameZh: '信息传输、软件和信息技术服务业', nameEn: 'Information Transmission, Software and Information Technology Services' },
  { code: 'J', nameZh: '金融业', nameEn: 'Finance' },
  { code: 'K', nameZh: '房地产业', nameEn: 'Real Estate' },
  { code: 'L', nameZh: '租赁和商务服务业', nameEn: 'Leasing and Business Services' },
  { code: 'M', nameZh: '科学研究和技术服务业', nameEn: 'Scientific Research and Technical Services' },
  { code: 'N', nameZh: '水利、环境和公共设施管理业', nameEn: 'Management of Water Conservancy, Environment and Public Facilities' },
  { code: 'O', nameZh: '居民服务、修理和其他服务业', nameEn: 'Resident Services, Repair and Other Services' },
  { code: 'P', nameZh: '教育', nameEn: 'Education' },
  { code: 'Q', nameZh: '卫生和社会工作', nameEn: 'Health and Social Work' },
  { code: 'R', nameZh: '文化、体育和娱乐业', nameEn: 'Culture, Sports and Entertainment' },
  { code: 'S', nameZh: '公共管理、社会保障和社会组织', nameEn: 'Public Management, Social Security and Social Organizations' },
  { code: 'T', nameZh: '国际组织', nameEn: 'International Organizations' },
];

export const industryDivisions: readonly IndustryDivision[] = [
  // A 农、林、牧、渔业
  { code: '01', section: 'A', nameZh: '农业', nameEn: 'Agriculture' },
  { code: '02', section: 'A', nameZh: '林业', nameEn: 'Forestry' },
  { code: '03', section: 'A', nameZh: '畜牧业', nameEn: 'Animal Husbandry' },
  { code: '04', section: 'A', nameZh: '渔业', nameEn: 'Fishery' },
  { code: '05', section: 'A', nameZh: '农、林、牧、渔专业及辅助性活动', nameEn: 'Professional and Support Activities for Agriculture, Forestry, Animal Husbandry and Fishery' },
  // B 采矿业
  { code: '06', section: 'B', nameZh: '煤炭开采和洗选业', nameEn: 'Mining and Washing of Coal' },
  { code: '07', section: 'B', nameZh: '石油和天然气开采业', nameEn: 'Extraction of Petroleum and Natural Gas' },
  { code: '08', section: 'B', nameZh: '黑色金属矿采选业', nameEn: 'Mining and Processing of Ferrous Metal Ores' },
  { code: '09', section: 'B', nameZh: '有色金属矿采选业', nameEn: 'Mining and Processing of Non-ferrous Metal Ores' },
  { code: '10', section: 'B', nameZh: '非金属矿采选业', nameEn: 'Mining and Processing of Non-metal Ores' },
  { code: '11', section: 'B', nameZh: '开采专业及辅助性活动', nameEn: 'Professional and Support Activities for Mining' },
  { code: '12', section: 'B', nameZh: '其他采矿业', nameEn: 'Mining of Other Ores' },
  // C 制造业
  { code: '13', section: 'C', nameZh: '农副食品加工业', nameEn: 'Processing of Food from Agricultural Products' },
  { code: '14', section: 'C', nameZh: '食品制造业', nameEn: 'Manufacture of Foods' },
  { code: '15', section: 'C', nameZh: '酒、饮料和精制茶制造业', nameEn: 'Manufacture of Liquor, Beverages and Refined Tea' },
  { code: '16', section: 'C', nameZh: '烟草制品业', nameEn: 'Manufacture of Tobacco' },
  { code: '17', section: 'C', nameZh: '纺织业', nameEn: 'Manufacture of Textile' },
  { code: '18', section: 'C', nameZh: '纺织服装、服饰业', nameEn: 'Manufacture of Textile Wearing Apparel and Accessories' },
  { code: '19', section: 'C', nameZh: '皮革、毛皮、羽毛及其制品和制鞋业', nameEn: 'Manufacture of Leather, Fur, Feather and Related Products and Footwear' },
  { code: '20', section: 'C', nameZh: '木材加工和木、竹、藤、棕、草制品业', nameEn: 'Processing of Timber, Manufacture of Wood, Bamboo, Rattan, Palm and Straw Products' },
  { code: '21', section: 'C', nameZh: '家具制造业', nameEn: 'Manufacture of Furniture' },
  { code: '22', section: 'C', nameZh: '造纸和纸制品业', nameEn: 'Manufacture of Paper and Paper Products' },
  { code: '23', section: 'C', nameZh: '印刷和记录媒介复制业', nameEn: 'Printing and Reproduction of Recording Media' },
  { code: '24', section: 'C', nameZh: '文教、工美、体育和娱乐用品制造业', nameEn: 'Manufacture of Articles for Culture, Education, Arts and Crafts, Sport and Entertainment Activities' },
  { code: '25', section: 'C', nameZh: '石油、煤炭及其他燃料加工业', nameEn: 'Processing of Petroleum, Coal and Other Fuels' },
  { code: '26', section: 'C', nameZh: '化学原料和化学制品制造业', nameEn: 'Manufacture of Raw Chemical Materials and Chemical Products' },
  { code: '27', section: 'C', nameZh: '医药制造业', nameEn: 'Manufacture of Medicines' },
  { code: '28', section: 'C', nameZh: '化学纤维制造业', nameEn: 'Manufacture of Chemical Fibers' },
  { code: '29', section: 'C', nameZh: '橡胶和塑料制品业', nameEn: 'Manufacture of Rubber and Plastics Products' },
  { code: '30', section: 'C', nameZh: '非金属矿物制品业', nameEn: 'Manufacture of Non-metallic Mineral Products' },
  { code: '31', section: 'C', nameZh: '黑色金属冶炼和压延加工业', nameEn: 'Smelting and Pressing of Ferrous Metals' },
  { code: '32', section: 'C', nameZh: '有色金属冶炼和压延加工业', nameEn: 'Smelting and Pressing of Non-ferrous Metals' },
  { code: '33', section: 'C', nameZh: '金属制品业', nameEn: 'Manufacture of Metal Products' },
  { code: '34', section: 'C', nameZh: '通用设备制造业', nameEn: 'Manufacture of General Purpose Machinery' },
  { code: '35', section: 'C', nameZh: '专用设备制造业', nameEn: 'Manufacture of Special Purpose Machinery' },
  { code: '36', section: 'C', nameZh: '汽车制造业', nameEn: 'Manufacture of Automobiles' },
  { code: '37', section: 'C', nameZh: '铁路、船舶、航空航天和其他运输设备制造业', nameEn: 'Manufacture of Railway, Ship, Aerospace and Other Transport Equipment' },
  { code: '38', section: 'C', nameZh: '电气机械和器材制造业', nameEn: 'Manufacture of Electrical Machinery and Apparatus' },
  { code: '39', section: 'C', nameZh: '计算机、通信和其他电子设备制造业', nameEn: 'Manufacture of Computers, Communication and Other Electronic Equipment' },
  { code: '40', section: 'C', nameZh: '仪器仪表制造业', nameEn: 'Manufacture of Measuring Instruments and Machinery' },
  { code: '41', section: 'C', nameZh: '其他制造业', nameEn: 'Other Manufacturing' },
  { code: '42', section: 'C', nameZh: '废弃资源综合利用业', nameEn: 'Comprehensive Utilization of Waste Resources' },
  { code: '43', section: 'C', nameZh: '金属制品、机械和设备修理业', nameEn: 'Repair of Metal Products, Machinery and Equipment' },
  // D 电力、热力、燃气及水生产和供应业
  { code: '44', section: 'D', nameZh: '电力、热力生产和供应业', nameEn: 'Production and Supply of Electric Power and Heat Power' },
  { code: '45', section: 'D', nameZh: '燃气生产和供应业', nameEn: 'Production and Supply of Gas' },
  { code: '46', section: 'D', nameZh: '水的生产和供应业', nameEn: 'Production and Supply of Water' },
  // E 建筑业
  { code: '47', section: 'E', nameZh: '房屋建筑业', nameEn: 'Construction of Buildings' },
  { code: '48', section: 'E', nameZh: '土木工程建筑业', nameEn: 'Civil Engineering' },
  { code: '49', section: 'E', nameZh: '建筑安装业', nameEn: 'Building Installation' },
  { code: '50', section: 'E', nameZh: '建筑装饰、装修和其他建筑业', nameEn: 'Building Decoration, Renovation and Other Construction Activities' },
  // F 批发和零售业
  { code: '51', section: 'F', nameZh: '批发业', nameEn: 'Wholesale Trade' },
  { code: '52', section: 'F', nameZh: '零售业', nameEn: 'Retail Trade' },
  // G 交通运输、仓储和邮政业
  { code: '53', section: 'G', nameZh: '铁路运输业', nameEn: 'Railway Transport' },
  { code: '54', section: 'G', nameZh: '道路运输业', nameEn: 'Road Transport' },
  { code: '55', section: 'G', nameZh: '水上运输业', nameEn: 'Water Transport' },
  { code: '56', section: 'G', nameZh: '航空运输业', nameEn: 'Air Transport' },
  { code: '57', section: 'G', nameZh: '管道运输业', nameEn: 'Pipeline Transport' },
  { code: '58', section: 'G', nameZh: '多式联运和运输代理业', nameEn: 'Multimodal Transport and Transport Agency Services' },
  { code: '59', section: 'G', nameZh: '装卸搬运和仓储业', nameEn: 'Loading, Unloading, Handling and Warehousing' },
  { code: '60', section: 'G', nameZh: '邮政业', nameEn: 'Postal Services' },
  // H 住宿和餐饮业
  { code: '61', section: 'H', nameZh: '住宿业', nameEn: 'Accommodation' },
  { code: '62', section: 'H', nameZh: '餐饮业', nameEn: 'Catering Services' },
  // I 信息传输、软件和信息技术服务业
  { code: '63', section: 'I', nameZh: '电信、广播电视和卫星传输服务', nameEn: 'Telecommunications, Radio and Television and Satellite Transmission Services' },
  { code: '64', section: 'I', nameZh: '互联网和相关服务', nameEn: 'Internet and Related Services' },
  { code: '65', section: 'I', nameZh: '软件和信息技术服务业', nameEn: 'Software and Information Technology Services' },
  // J 金融业
  { code: '66', section: 'J', nameZh: '货币金融服务', nameEn: 'Monetary and Financial Services' },
  { code: '67', section: 'J', nameZh: '资本市场服务', nameEn: 'Capital Market Services' },
  { code: '68', section: 'J', nameZh: '保险业', nameEn: 'Insurance' },
  { code: '69', section: 'J', nameZh: '其他金融业', nameEn: 'Other Financial Services' },
  // K 房地产业
  { code: '70', section: 'K', nameZh: '房地产业', nameEn: 'Real Estate' },
  // L 租赁和商务服务业
  { code: '71', section: 'L', nameZh: '租赁业', nameEn: 'Leasing' },
  { code: '72', section: 'L', nameZh: '商务服务业', nameEn: 'Business Services' },
  // M 科学研究和技术服务业
  { code: '73', section: 'M', nameZh: '研究和试验发展', nameEn: 'Research and Experimental Development' },
  { code: '74', section: 'M', nameZh: '专业技术服务业', nameEn: 'Professional Technical Services' },
  { code: '75', section: 'M', nameZh: '科技推广和应用服务业', nameEn: 'Technology Promotion and Application Services' },
  // N 水利、环境和公共设施管理业
  { code: '76', section: 'N', nameZh: '水利管理业', nameEn: 'Management of Water Conservancy' },
  { code: '77', section: 'N', nameZh: '生态保护和环境治理业', nameEn: 'Ecological Protection and Environmental Governance' },
  { code: '78', section: 'N', nameZh: '公共设施管理业', nameEn: 'Management of Public Facilities' },
  { code: '79', section: 'N', nameZh: '土地管理业', nameEn: 'Land Management' },
  // O 居民服务、修理和其他服务业
  { code: '80', section: 'O', nameZh: '居民服务业', nameEn: 'Resident Services' },
  { code: '81', section: 'O', nameZh: '机动车、电子产品和日用产品修理业', nameEn: 'Repair of Motor Vehicles, Electronic Products and Daily-use Products' },
  { code: '82', section: 'O', nameZh: '其他服务业', nameEn: 'Other Services' },
  // P 教育
  { code: '83', section: 'P', nameZh: '教育', nameEn: 'Education' },
  // Q 卫生和社会工作
  { code: '84', section: 'Q', nameZh: '卫生', nameEn: 'Health' },
  { code: '85', section: 'Q', nameZh: '社会工作', nameEn: 'Social Work' },
  // R 文化、体育和娱乐业
  { code: '86', section: 'R', nameZh: '新闻和出版业', nameEn: 'News and Publishing' },
  { code: '87', section: 'R', nameZh: '广播、电视、电影和录音制作业', nameEn: 'Radio, Television, Film and Sound Recording Production' },
  { code: '88', section: 'R', nameZh: '文化艺术业', nameEn: 'Culture and Arts' },
  { code: '89', section: 'R', nameZh: '体育', nameEn: 'Sports' },
  { code: '90', section: 'R', nameZh: '娱乐业', nameEn: 'Entertainment' },
  // S 公共管理、社会保障和社会组织
  { code: '91', section: 'S', nameZh: '中国共产党机关', nameEn: 'Organs of the Communist Party of China' },
  { code: '92', section: 'S', nameZh: '国家机构', nameEn: 'State Organs' },
  { code: '93', section: 'S', nameZh: '人民政协、民主党派', nameEn: "Chinese People's Political Consultative Conference and Democratic Parties" },
  { code: '94', section: 'S', nameZh: '社会保障', nameEn: 'Social Security' },
  { code: '95', section: 'S', nameZh: '群众团体、社会团体和其他成员组织', nameEn: 'Mass Organizations, Social Organizations and Other Membership Organizations' },
  { code: '96', section: 'S', nameZh: '基层群众自治组织及其他组织', nameEn: 'Grassroots Self-governing Organizations and Other Organizations' },
  // T 国际组织
  { code: '97', section: 'T', nameZh: '国际组织', nameEn: 'International Organizations' },
];
