import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const consoleDir = fileURLToPath(new URL('.', import.meta.url));
/** The built console the server serves; never committed. */
export const consoleDist = join(consoleDir, 'dist');
const stampFile = join(consoleDist, '.source-hash');
const lockFile = join(consoleDir, '..', '..', 'package-lock.json');

/** Every file the build reads: the app's sources, its page and config, and the locked dependency versions. */
function sourceFiles(dir = consoleDir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name !== 'dist' && entry.name !== 'node_modules')
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** A fingerprint of the sources: the build is stale when it was made from other ones. */
function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [...sourceFiles(), lockFile]) hash.update(relative(consoleDir, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

/** Builds the console when its build is missing or was made from other sources; answers whether it built. */
export async function ensureConsoleBuilt(log: (line: string) => void = () => {}): Promise<boolean> {
  const wanted = sourceHash();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) return false;
  log('building the console (web/console)...');
  const started = Date.now();
  const { build } = await import('vite');
  // Always the production build, even from a test run (NODE_ENV=test): its plugins read NODE_ENV too, and the
  // stamp of the sources could not tell a development build from the one people get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(consoleDir, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(stampFile, wanted);
  log(`built the console in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await ensureConsoleBuilt(console.log);
