import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp } from '../../src/api/app.ts';
import type { Db } from '../../src/store/db.ts';

/** Where the console's API types live: generated from the server's OpenAPI document, committed, checked by a test. */
export const clientTypesFile = fileURLToPath(new URL('./src/api/schema.ts', import.meta.url));

/** The server's own OpenAPI document; describing the routes needs no database. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const noDatabase = new Proxy({} as Db, {
    get: (_, name) => {
      if (name === 'engine') return 'pglite';
      throw new Error(`the OpenAPI document was built without a database, yet db.${String(name)} was used`);
    },
  });
  const res = await createApp({ db: noDatabase, now: () => new Date() }).request('/openapi.json');
  return (await res.json()) as Record<string, unknown>;
}

/** The TypeScript types of every operation, as the console's client imports them. */
export async function clientTypes(): Promise<string> {
  const source = astToString(await openapiTS((await openApiDocument()) as never));
  return `// Generated from the server's /openapi.json by web/console/client-types.ts (npm run console:types); do not edit.\n\n${source}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const types = await clientTypes();
  const changed = readFileSafe(clientTypesFile) !== types;
  if (changed) writeFileSync(clientTypesFile, types);
  console.log(changed ? `wrote ${clientTypesFile}` : `${clientTypesFile} is current`);
}

function readFileSafe(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
