import type { Locale } from '@fulcrum/shared';

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Ymd {
  year: number;
  month: number;
  day: number;
}

const parse = (iso: string): Ymd => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};
const daysInMonth = ({ year, month }: Ymd) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A period the way a report sentence says it: whole months as months ("2025年1–4月", "Jan–Apr 2025"),
 * a whole year as the year, anything else with its days ("2026年1月1日–3月2日", "1 Jan – 2 Mar 2026").
 * The year is written once when both ends share it.
 */
export function periodText(from: string, to: string, locale: Locale): string {
  const a = parse(from);
  const b = parse(to);
  const sameYear = a.year === b.year;
  const wholeMonths = a.day === 1 && b.day === daysInMonth(b);
  const zh = locale === 'zh-CN';

  if (wholeMonths) {
    if (sameYear && a.month === 1 && b.month === 12) return zh ? `${a.year}年` : `${a.year}`;
    if (sameYear && a.month === b.month) return zh ? `${a.year}年${a.month}月` : `${monthsEn[a.month - 1]} ${a.year}`;
    if (sameYear) return zh ? `${a.year}年${a.month}–${b.month}月` : `${monthsEn[a.month - 1]}–${monthsEn[b.month - 1]} ${a.year}`;
    return zh ? `${a.year}年${a.month}月–${b.year}年${b.month}月` : `${monthsEn[a.month - 1]} ${a.year} – ${monthsEn[b.month - 1]} ${b.year}`;
  }
  const dayZh = (d: Ymd, withYear: boolean) => `${withYear ? `${d.year}年` : ''}${d.month}月${d.day}日`;
  const dayEn = (d: Ymd, withYear: boolean) => `${d.day} ${monthsEn[d.month - 1]}${withYear ? ` ${d.year}` : ''}`;
  if (from === to) return zh ? dayZh(a, true) : dayEn(a, true);
  if (sameYear) return zh ? `${dayZh(a, true)}–${dayZh(b, false)}` : `${dayEn(a, false)} – ${dayEn(b, true)}`;
  return zh ? `${dayZh(a, true)}–${dayZh(b, true)}` : `${dayEn(a, true)} – ${dayEn(b, true)}`;
}
