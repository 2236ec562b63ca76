import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientTypes, clientTypesFile } from '../web/console/client-types.ts';

describe("the console's API client", () => {
  it('is typed from the OpenAPI document the server serves now (after an API change: npm run console:types)', async () => {
    expect(readFileSync(clientTypesFile, 'utf8') === (await clientTypes()), 'web/console/src/api/schema.ts is stale: run npm run console:types').toBe(true);
  });
});
