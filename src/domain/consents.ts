// A member's consents to marketing by channel, and the evidence of each grant and withdrawal: an advertiser must be
// able to prove that the member agreed beforehand (38-FZ, art. 18), and when they took it back.

export const consentChannels = ['email', 'sms', 'push'] as const;
export type ConsentChannel = (typeof consentChannels)[number];
export type Consents = Record<ConsentChannel, boolean>;

/** Nothing agreed to: a new member's consents unless given, and an erased member's. */
export const noConsents: Consents = { email: false, sms: false, push: false };

/** Where a consent was given or withdrawn. */
export const consentPlaces = ['till', 'website', 'app', 'console', 'call_centre', 'paper', 'unsubscribe', 'erasure', 'api'] as const;
export type ConsentPlace = (typeof consentPlaces)[number];

/** What the caller knows of the moment: where, the wording shown (its version), the store, the member's IP address. */
export interface ConsentEvidence {
  via: ConsentPlace;
  wording: string | null;
  storeCode: string | null;
  ip: string | null;
}

/** One grant or withdrawal of consent on a channel, with its evidence and who recorded it. */
export interface ConsentRecord extends ConsentEvidence {
  id: string;
  memberId: string;
  channel: ConsentChannel;
  granted: boolean;
  at: Date;
  actor: string;
}

/** Evidence the caller did not give: an API call, nothing more known. */
export const unstatedEvidence: ConsentEvidence = { via: 'api', wording: null, storeCode: null, ip: null };

/** The records of the channels whose consent changed from `before` to `after`, in the channels' order. */
export function consentChanges(
  memberId: string,
  before: Consents,
  after: Consents,
  evidence: ConsentEvidence,
  at: Date,
  actor: string,
  newId: () => string,
): ConsentRecord[] {
  return consentChannels
    .filter((channel) => before[channel] !== after[channel])
    .map((channel) => ({ id: newId(), memberId, channel, granted: after[channel], at, actor, ...evidence }));
}
