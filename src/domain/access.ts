/** Roles and what each may do: the one table the API enforces, the README shows and test/roles.test.ts pins. */

export type Role = 'admin' | 'marketer' | 'pos' | 'partner' | 'readonly';
export const roles: readonly Role[] = ['admin', 'marketer', 'pos', 'partner', 'readonly'];

/** Who acts: an API key, or the system's own work (the demo, an import, the command line). */
export interface Principal {
  /** `key_…` for an API key; a plain word (`demo`, `import`, `cli`) for the system's own work. */
  id: string;
  name: string;
  role: Role;
  /** A readonly key created with the personal-data grant (`kopilka keys create --role readonly --pii`). */
  pii: boolean;
  /** The partner a partner key belongs to (the only stores it sells at are that partner's). */
  partner?: string | null;
}

/** Holders beyond a plain role: a readonly key with the pii grant; a partner key where the settings let partners enrol. */
type Holder = Role | 'readonly+pii' | 'partner+partnersMayEnrol';

const all: readonly Holder[] = roles;

/** Each permission: who holds it, and what it lets them do (the refusal names it). */
export const matrix = {
  'programme:read': { holders: all, does: 'read the programme, stores, rules, campaigns and categories' },
  settings: { holders: ['admin', 'marketer'], does: 'change settings, stores, rules, campaigns or categories' },
  'members:lookup': { holders: all, does: 'look members up by card' },
  'members:read': { holders: ['admin', 'marketer', 'pos', 'readonly'], does: 'read members' },
  'members:pii': { holders: ['admin', 'marketer', 'pos', 'readonly+pii'], does: "see or search by members' personal data" },
  'members:enrol': { holders: ['admin', 'pos', 'partner+partnersMayEnrol'], does: 'enrol members' },
  'members:edit': { holders: ['admin', 'pos'], does: "change members' profiles" },
  'members:erase': { holders: ['admin'], does: "erase a member's personal data at their request" },
  cards: { holders: ['admin', 'pos'], does: 'issue or block cards' },
  adjust: { holders: ['admin', 'marketer'], does: 'adjust points by hand' },
  events: { holders: ['admin', 'pos'], does: "record members' actions" },
  receipts: { holders: ['admin', 'pos', 'partner'], does: 'price, confirm, return or cancel receipts' },
  'receipts:read': { holders: all, does: 'read receipts' },
  'receipts:others': { holders: ['admin', 'marketer', 'pos', 'readonly'], does: 'see or reverse receipts another key made' },
  'coupons:check': { holders: ['admin', 'marketer', 'pos', 'readonly'], does: 'look a coupon up' },
  'coupons:list': { holders: ['admin', 'marketer'], does: 'list or export coupons' },
  'coupons:create': { holders: ['admin', 'marketer'], does: 'generate coupons' },
  simulate: { holders: ['admin', 'marketer', 'readonly'], does: 'simulate rules' },
  backtest: { holders: ['admin', 'marketer'], does: 'backtest rules' },
  audit: { holders: ['admin', 'marketer', 'readonly'], does: 'read the audit log' },
  'events:feed': { holders: ['admin', 'marketer', 'readonly'], does: "read the programme's event feed" },
  jobs: { holders: ['admin'], does: 'run jobs' },
  'jobs:read': { holders: ['admin', 'marketer', 'readonly'], does: 'read the job schedule' },
  reports: { holders: ['admin', 'marketer', 'readonly'], does: "read the programme's figures (the overview)" },
  'segments:export': { holders: ['admin', 'marketer', 'readonly+pii'], does: "export a segment's members with their contacts" },
  keys: { holders: ['admin'], does: 'manage API keys' },
  staff: { holders: ['admin'], does: 'manage staff accounts' },
  webhooks: { holders: ['admin'], does: 'manage webhooks' },
  messaging: { holders: ['admin', 'marketer'], does: "set up messages to members (channels, templates, triggers) or read their delivery log" },
} as const satisfies Record<string, { holders: readonly Holder[]; does: string }>;

export type Permission = keyof typeof matrix;
export const permissions = Object.keys(matrix) as Permission[];

/** Every permission the principal holds (those that depend on the programme's settings left out). */
export const permissionsOf = (principal: Principal): Permission[] => permissions.filter((p) => may(principal, p));

/** The settings a grant may depend on. */
export interface AccessSettings {
  partnersMayEnrol: boolean;
}

/** Whether the principal holds the permission; a grant that depends on the programme's settings needs them given. */
export function may(principal: Principal, permission: Permission, settings?: AccessSettings): boolean {
  const holders: readonly Holder[] = matrix[permission].holders;
  if (holders.includes(principal.role)) return true;
  if (principal.role === 'readonly' && principal.pii) return holders.includes('readonly+pii');
  return principal.role === 'partner' && settings?.partnersMayEnrol === true && holders.includes('partner+partnersMayEnrol');
}

/** True when only the programme's settings can decide: they must be read before refusing. */
export const dependsOnSettings = (principal: Principal, permission: Permission): boolean =>
  principal.role === 'partner' && (matrix[permission].holders as readonly Holder[]).includes('partner+partnersMayEnrol');

/** Naming a member: a card or an id is what a till holds; an external id reads the member base; contacts are personal data. */
export const namingNeeds = {
  cardNumber: 'members:lookup',
  id: 'members:lookup',
  externalId: 'members:read',
  phone: 'members:pii',
  email: 'members:pii',
} as const satisfies Record<string, Permission>;

/** Whether the principal may sell at a store owned by `storePartner` (null: the programme's own store). */
export const maySellAt = (principal: Principal, storePartner: string | null): boolean =>
  principal.role !== 'partner' || (!!principal.partner && principal.partner === storePartner);

/** The refusal's wording: "a partner key may not enrol members". */
export const refusal = (principal: Principal, permission: Permission) => `a ${principal.role} key may not ${matrix[permission].does}`;

/** How audit records and ledger entries name who acted: `key_01J… (till 7)`. */
export const actorOf = (principal: Principal) => (principal.id === principal.name ? principal.id : `${principal.id} (${principal.name})`);

/** The system's own work (the demo, an import, the command line) acts with every permission. */
export const systemPrincipal = (name: string): Principal => ({ id: name, name, role: 'admin', pii: true });
