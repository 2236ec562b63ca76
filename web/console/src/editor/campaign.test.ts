import { describe, expect, it } from 'vitest';
import { campaignIssues, campaignStatus, newCampaign, withCampaign } from './campaign.ts';

const now = new Date('2026-12-01T12:00:00Z');

describe('a campaign in the editor', () => {
  it('is off when switched off, scheduled before its start, ended from its end, active between', () => {
    const c = newCampaign();
    expect(campaignStatus(c, now)).toBe('active');
    expect(campaignStatus({ ...c, enabled: false }, now)).toBe('off');
    expect(campaignStatus({ ...c, schedule: { from: '2026-12-02T00:00:00Z' } }, now)).toBe('scheduled');
    expect(campaignStatus({ ...c, schedule: { to: '2026-12-01T12:00:00Z' } }, now)).toBe('ended');
    expect(campaignStatus({ ...c, schedule: { from: '2026-11-01T00:00:00Z', to: '2026-12-31T00:00:00Z' } }, now)).toBe('active');
  });

  it('takes the place of the published campaign of its code in the draft rule set, or joins it at the end', () => {
    const rules = { campaigns: [{ ...newCampaign(), code: 'a' }, { ...newCampaign(), code: 'b' }], eventTypes: [], referral: { enabled: false, referrerPoints: 0, refereePoints: 0, minPurchase: 0, maxRewardsPerMonth: 20 } };
    const changed = withCampaign(rules, { ...newCampaign(), code: 'b', name: 'B2' }, 'b');
    expect(changed.index).toBe(1);
    expect(changed.rules.campaigns.map((c) => c.name)).toEqual(['', 'B2']);
    const added = withCampaign(rules, { ...newCampaign(), code: 'c' }, null);
    expect(added.index).toBe(2);
    expect(added.rules.campaigns).toHaveLength(3);
  });

  it('keeps the server’s issues about this campaign only, by their path inside it', () => {
    const issues = campaignIssues(
      [
        { path: 'campaigns.2.effects.0.args.multiplier', message: 'too small' },
        { path: 'campaigns.1.name', message: 'another campaign' },
        { path: 'campaigns.2.effects.0.args.multiplier', message: 'not a number' },
      ],
      2,
    );
    expect([...issues]).toEqual([['effects.0.args.multiplier', 'too small; not a number']]);
  });
});
