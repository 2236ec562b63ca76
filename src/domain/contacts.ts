import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Phones are stored in E.164; a number without a country code is read as Russian. */
export function normalisePhone(raw: string): string | null {
  const phone = parsePhoneNumberFromString(raw.trim(), 'RU');
  return phone && phone.isValid() ? phone.number : null;
}

export const normaliseEmail = (raw: string): string => raw.trim().toLowerCase();

/** The phone if it is a mobile number (one an SMS can reach), else null. */
export function mobileNumber(e164: string | null): string | null {
  const phone = e164 ? parsePhoneNumberFromString(e164) : undefined;
  const type = phone?.getType();
  return phone && (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') ? phone.number : null;
}
