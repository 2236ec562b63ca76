import { closeSmsLinks, type SmsLinks } from './smpp.ts';
import type { Transports } from './smtp.ts';

/** A sender's open connections: SMTP per programme, and bound SMSC sessions per programme. */
export interface Links {
  email: Transports;
  sms: SmsLinks;
}

export const newLinks = (): Links => ({ email: new Map(), sms: new Map() });

export async function closeLinks(links: Links): Promise<void> {
  for (const { transport } of links.email.values()) transport.close();
  links.email.clear();
  await closeSmsLinks(links.sms);
}
