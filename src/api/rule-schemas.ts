import { z } from 'zod';
import { campaignSchema, conditionNode, ruleSetSchema } from '../domain/rules/campaign.ts';
import { segmentRule, segmentSchema } from '../domain/segments.ts';
import { settingsSchema } from '../domain/settings.ts';

/**
 * The rule set's and the settings' schemas as the domain defines them (conditions nest, so they refer to themselves), described by
 * zod itself as OpenAPI components: the document and the rules the engine checks cannot differ.
 */
const registry = z.registry<{ id: string }>();
registry.add(conditionNode, { id: 'ConditionNode' });
registry.add(campaignSchema, { id: 'Campaign' });
registry.add(ruleSetSchema, { id: 'Rules' });
registry.add(settingsSchema, { id: 'Settings' });
registry.add(segmentRule, { id: 'SegmentRule' });
registry.add(segmentSchema, { id: 'SegmentInput' });

export const ruleComponents = Object.fromEntries(
  Object.entries(z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: 'output', unrepresentable: 'any' }).schemas).map(([name, schema]) => {
    const { $schema: _, $id: __, ...rest } = schema as Record<string, unknown>;
    return [name, rest];
  }),
);

/** A reference to one of them, for a route's answer. */
export const ruleRef = (name: keyof typeof ruleComponents & string) => ({ $ref: `#/components/schemas/${name}` });
