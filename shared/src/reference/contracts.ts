import { z } from 'zod';

export const region = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  divisionCode: z.string().describe('GB/T 2260 administrative division code'),
});
export type Region = z.infer<typeof region>;

export const industrialPark = z.object({ id: z.uuid(), regionId: z.string(), nameZh: z.string(), nameEn: z.string() });
export type IndustrialPark = z.infer<typeof industrialPark>;

export const industryReference = z.object({
  sections: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
  divisions: z.array(z.object({ code: z.string(), section: z.string(), nameZh: z.string(), nameEn: z.string() })),
});
