import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { industrialParks, regions } from '../../db/schema/index.ts';

/** The regions of the Tongzhou–Baodi–Tangshan collaboration (GB/T 2260 codes) and their main industrial parks. */
const referenceRegions = [
  { id: 'baodi', nameZh: '天津市宝坻区', nameEn: 'Baodi District, Tianjin', divisionCode: '120115' },
  { id: 'tongzhou', nameZh: '北京市通州区', nameEn: 'Tongzhou District, Beijing', divisionCode: '110112' },
  { id: 'tangshan', nameZh: '河北省唐山市', nameEn: 'Tangshan, Hebei', divisionCode: '130200' },
];

const referenceParks = [
  { regionId: 'baodi', nameZh: '宝坻经济开发区', nameEn: 'Baodi Economic Development Zone' },
  { regionId: 'baodi', nameZh: '京津中关村科技城', nameEn: 'Jing-Jin Zhongguancun Science City' },
  { regionId: 'baodi', nameZh: '九园工业园区', nameEn: 'Jiuyuan Industrial Park' },
  { regionId: 'baodi', nameZh: '京津新城', nameEn: 'Jingjin New Town' },
  { regionId: 'tongzhou', nameZh: '北京通州经济开发区', nameEn: 'Beijing Tongzhou Economic Development Zone' },
  { regionId: 'tongzhou', nameZh: '张家湾设计小镇', nameEn: 'Zhangjiawan Design Town' },
  { regionId: 'tangshan', nameZh: '唐山高新技术产业开发区', nameEn: 'Tangshan High-tech Industrial Development Zone' },
  { regionId: 'tangshan', nameZh: '曹妃甸经济技术开发区', nameEn: 'Caofeidian Economic and Technological Development Zone' },
];

/** Inserts the reference regions and parks if missing; safe to run at every start. */
export async function seedReference(db: Db) {
  await db
    .insert(regions)
    .values(referenceRegions)
    .onConflictDoUpdate({ target: regions.id, set: { nameZh: sql`excluded.name_zh`, nameEn: sql`excluded.name_en` } });
  await db.insert(industrialParks).values(referenceParks).onConflictDoNothing();
}
