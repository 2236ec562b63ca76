import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Phones are stored in E.164; a number without a country code is read as Russian. */
export function normalisePhone(raw: string): string | null {
  const phone = parsePhoneNumberFromString(raw.trim(), 'RU');
  return phone && phone.isValid() ? phone.number : null;
}

export const normaliseEmail = (raw: string): string => raw.trim().toLowerCase();
