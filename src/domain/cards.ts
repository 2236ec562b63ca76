/** Card numbers carry a Luhn check digit, so a mistyped number is caught at the till. */

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export const isValidCardNumber = (number: string): boolean =>
  /^\d{8,19}$/.test(number) && luhnCheckDigit(number.slice(0, -1)) === Number(number.slice(-1));

/** A 16-digit virtual card number: programme prefix, random body, check digit. */
export function virtualCardNumber(prefix: string, randomDigits: string): string {
  const body = (prefix + randomDigits).slice(0, 15).padEnd(15, '0');
  return body + luhnCheckDigit(body);
}
