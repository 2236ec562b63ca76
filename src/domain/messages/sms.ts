// How a text goes as SMS: in the GSM 7-bit alphabet when every character is in it, else in UCS-2 (Cyrillic); a
// text longer than one message is cut into parts that the phone joins again (concatenated SMS, 3GPP TS 23.040).

/** The GSM 03.38 default alphabet, and its extension table (each of those takes two septets). */
const GSM = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

export type SmsEncoding = 'gsm' | 'ucs2';

export interface SmsParts {
  encoding: SmsEncoding;
  /** The texts of the parts, in order: one for a text that fits one message. */
  parts: string[];
}

/** One message takes 160 septets or 70 UCS-2 characters; a part of a longer one 153 or 67 (the rest is its header). */
const LIMITS = { gsm: { single: 160, part: 153 }, ucs2: { single: 70, part: 67 } } as const;

export const smsEncoding = (text: string): SmsEncoding => ([...text].every((c) => GSM.has(c) || GSM_EXTENDED.has(c)) ? 'gsm' : 'ucs2');

/** What a character costs in its encoding: septets for GSM (two for the extension table), UTF-16 units for UCS-2. */
const cost = (c: string, encoding: SmsEncoding) => (encoding === 'gsm' ? (GSM_EXTENDED.has(c) ? 2 : 1) : c.length);

/** A text cut into the parts it goes as, never splitting a character (an escape, a surrogate pair) across two. */
export function smsParts(text: string): SmsParts {
  const encoding = smsEncoding(text);
  const chars = [...text];
  const total = chars.reduce((sum, c) => sum + cost(c, encoding), 0);
  if (total <= LIMITS[encoding].single) return { encoding, parts: [text] };
  const parts: string[] = [];
  let part = '';
  let used = 0;
  for (const c of chars) {
    if (used + cost(c, encoding) > LIMITS[encoding].part) {
      parts.push(part);
      [part, used] = ['', 0];
    }
    part += c;
    used += cost(c, encoding);
  }
  parts.push(part);
  return { encoding, parts };
}

/** The final states an SMSC reports of a message (SMPP 3.4, appendix B); ENROUTE and ACCEPTD are on the way. */
const FINAL_STATES = ['DELIVRD', 'EXPIRED', 'DELETED', 'UNDELIV', 'REJECTD', 'UNKNOWN'] as const;
/** The `message_state` TLV's values, by the names the text of a receipt gives them. */
const STATE_NAMES: Record<number, string> = { 1: 'ENROUTE', 2: 'DELIVRD', 3: 'EXPIRED', 4: 'DELETED', 5: 'UNDELIV', 6: 'ACCEPTD', 7: 'UNKNOWN', 8: 'REJECTD' };

export interface DeliveryReport {
  /** The id the SMSC gave the part when it took it. */
  smscId: string;
  /** DELIVRD, UNDELIV, EXPIRED…; null while the message is on its way. */
  state: (typeof FINAL_STATES)[number] | null;
}

/**
 * A delivery receipt's id and final state: from the `receipted_message_id` and `message_state` fields where the
 * SMSC sends them, else from its text ("id:… sub:… dlvrd:… submit date:… done date:… stat:DELIVRD err:…").
 */
export function deliveryReport(text: string, receiptedId?: string | null, messageState?: number | null): DeliveryReport | null {
  const smscId = receiptedId || /\bid:(\S+)/i.exec(text)?.[1];
  const named = messageState ? STATE_NAMES[messageState] : /\bstat:(\w+)/i.exec(text)?.[1]?.toUpperCase();
  if (!smscId || !named) return null;
  return { smscId, state: (FINAL_STATES as readonly string[]).includes(named) ? (named as DeliveryReport['state']) : null };
}
