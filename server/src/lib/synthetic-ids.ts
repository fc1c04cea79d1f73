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

export function syntheticResidentId(serial: number, birthDate = '19900101', divisionCode = '120115'): string {
  const first17 = `${divisionCode}${birthDate}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
