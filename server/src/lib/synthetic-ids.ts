import { residentIdCheckChar, usccCheckChar } from '@fulcrum/shared';

/**
 * Valid but clearly synthetic identifiers for tests and demo data. USCCs use registration authority 9,
 * type 1 (enterprise) and the region's division code; resident IDs use the region code and a serial. The organisation-code part starts FC (Fulcrum) so synthetic codes stand out.
 */
export function syntheticUscc(serial: number, divisionCode = '120115'): string {
  const orgCode = `FC${String(serial).padStart(7, '0')}`.slice(0, 9);
  const first17 = `91${divisionCode}${orgCode}`;
  return first17 + usccCheckChar(first17);
}

/** A yyyymmdd birth date `days` after 1990-01-01. */
function birthDateAfter(days: number): string {
  const date = new Date(Date.UTC(1990, 0, 1 + days));
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * The three-digit sequence code holds serial % 1000 (its last digit is the holder's sex: odd male, even female).
 * Without a birth date, every further thousand serials moves the birth date one day on from 1990-01-01, so
 * serials stay distinct (serials below 1000 give the same IDs as before); callers that pass a birth date
 * and division code choose them themselves, as the demo generator does.
 */
export function syntheticResidentId(serial: number, birthDate?: string, divisionCode = '120115'): string {
  const born = birthDate ?? birthDateAfter(Math.floor(serial / 1000));
  const first17 = `${divisionCode}${born}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
