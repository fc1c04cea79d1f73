/** The years a centre has records for: from its certification year to this year, latest first. */
export function yearsSince(certifiedOn: string, today = new Date()): number[] {
  const first = Number(certifiedOn.slice(0, 4));
  const last = today.getFullYear();
  const years: number[] = [];
  for (let year = last; year >= Math.min(first, last); year -= 1) years.push(year);
  return years;
}
