import type { Schemas } from '../api/client.ts';

export type Campaign = Schemas['Campaign'];
export type ConditionNode = Schemas['ConditionNode'];
export type Effect = Campaign['effects'][number];
export type PublishedCampaign = Campaign & { budgetLeft: { points: number; discount: number } | null };

/** A new campaign as the editor starts it: on receipts, for everyone, everywhere, with no conditions yet. */
export const newCampaign = (): Campaign => ({
  code: '',
  name: '',
  description: '',
  enabled: true,
  trigger: 'receipt',
  schedule: {},
  audience: { kind: 'all' },
  scope: { stores: [], channels: [] },
  conditions: { all: [] },
  effects: [],
  priority: 0,
  stacking: { mode: 'stackable' },
  limits: {},
});

export type CampaignStatus = 'off' | 'scheduled' | 'active' | 'ended';

/** Where a campaign is in its life at `now`: switched off, waiting for its start, running, or past its end. */
export function campaignStatus(campaign: Pick<Campaign, 'enabled' | 'schedule'>, now: Date): CampaignStatus {
  if (!campaign.enabled) return 'off';
  if (campaign.schedule.to && Date.parse(campaign.schedule.to) <= now.getTime()) return 'ended';
  if (campaign.schedule.from && Date.parse(campaign.schedule.from) > now.getTime()) return 'scheduled';
  return 'active';
}

/** The campaign as it is published, without what the server adds about it. */
export function asPublished(campaign: PublishedCampaign): Campaign {
  const { budgetLeft: _, ...rest } = campaign;
  return rest;
}

/** The rule set with this campaign in place of the one of the same code (or added), and where it stands in it. */
export function withCampaign(rules: Schemas['Rules'], campaign: Campaign, replacing: string | null): { rules: Schemas['Rules']; index: number } {
  const at = rules.campaigns.findIndex((c) => c.code === (replacing ?? campaign.code));
  const campaigns = at < 0 ? [...rules.campaigns, campaign] : rules.campaigns.map((c, i) => (i === at ? campaign : c));
  return { rules: { ...rules, campaigns }, index: at < 0 ? campaigns.length - 1 : at };
}

/** The server's issues about a rule set, keyed by the path inside this campaign (`effects.0.args.multiplier`). */
export function campaignIssues(errors: { path: string; message: string }[] | undefined, index: number | null): Map<string, string> {
  const issues = new Map<string, string>();
  const prefix = index === null ? '' : `campaigns.${index}.`;
  for (const { path, message } of errors ?? []) {
    if (index !== null && !path.startsWith(prefix)) continue;
    const inside = path.slice(prefix.length);
    issues.set(inside, issues.has(inside) ? `${issues.get(inside)}; ${message}` : message);
  }
  return issues;
}

/** The element id of the input for a path in the campaign. */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
