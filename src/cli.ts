import cluster from 'node:cluster';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { systemPrincipal } from './domain/access.ts';
import { issueKey, revokeKey } from './flows/keys.ts';
import { createApiKey, createProgram } from './flows/programs.ts';
import type { DemoOptions } from './demo/generate.ts';
import type { Deps } from './flows/deps.ts';
import { jobNames, type JobName } from './jobs/jobs.ts';
import { runJobByHand } from './jobs/scheduler.ts';
import { rebuildAnalytics } from './jobs/daily-totals.ts';
import { countLines, importReceipts } from './import/receipts.ts';
import { progressBar } from './progress.ts';
import { defaultInputLimits, type InputLimits } from './api/input.ts';
import { closeAbandonedLoads } from './demo/loading.ts';
import { startServer } from './server.ts';
import { ensureConsoleBuilt } from '../web/console/build.ts';
import { staffRoles, type StaffRole } from './domain/staff.ts';
import { createStaff } from './flows/staff.ts';
import { DataDirInUseError } from './store/data-dir-lock.ts';
import { openDb } from './store/db.ts';
import { listApiKeys, roles, type Role } from './store/keys.ts';
import { migrate } from './store/migrate.ts';
import { findProgram, listPrograms } from './store/programs.ts';

/** The database the environment names: PostgreSQL with DATABASE_URL, else embedded PGlite in KOPILKA_DATA_DIR. */
async function open(): Promise<Deps> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = resolve(process.env.KOPILKA_DATA_DIR || './data');
  const db = await openDb({ databaseUrl, dataDir }).catch(refuseWhenInUse);
  await migrate(db);
  return { db, now: () => new Date() };
}

/** The embedded database has one owner: while the server runs on it, work goes through its HTTP API. */
function refuseWhenInUse(error: unknown): never {
  if (!(error instanceof DataDirInUseError)) throw error;
  console.error(
    `kopilka: ${error.message}.\n` +
      'Only one process may open the embedded database: while the server runs, use its HTTP API ' +
      '(e.g. POST /v1/jobs/{name}/run with an admin key), or stop the server first.',
  );
  process.exit(1);
}

/** A command that works on the database, which is closed afterwards whatever happens. */
const withDatabase =
  <A extends unknown[]>(command: (deps: Deps, ...args: A) => Promise<unknown>) =>
  async (...args: A) => {
    const deps = await open();
    try {
      await command(deps, ...args);
    } finally {
      await deps.db.close();
    }
  };

const program = new Command('kopilka').description('Kopilka loyalty engine').showHelpAfterError();

const DEMO_DEFAULTS = { members: 10_000, months: 12, seed: 42 };

/** Fills a demo programme, printing progress; returns when the history is loaded. */
async function loadDemo(deps: Deps, programId: string, options: Omit<DemoOptions, 'until' | 'progress'>) {
  const { generateDemo, publishDemoCampaigns } = await import('./demo/generate.ts');
  const bar = progressBar('receipts', null);
  const started = Date.now();
  const report = await generateDemo(deps, programId, { ...options, until: deps.now(), progress: (done, expected) => bar.update(done, expected) });
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `demo: ${report.members} members, ${report.receipts} receipts (${Math.round(report.receipts / seconds)}/s), ` +
      `${report.returns} returns, ${report.cancels} cancels, ${report.refused} refused, in ${seconds.toFixed(0)} s`,
  );
  console.log(`demo: published campaigns as rule set version ${await publishDemoCampaigns(deps, programId)}`);
}

const historyStart = (deps: Deps, months: number) => new Date(deps.now().getTime() - months * 30 * 86_400_000);

program
  .command('serve')
  .description('run the HTTP API (PORT, default 3000); on an empty database, create the demo programme and load it in the background')
  .option('--workers <n>', 'server processes sharing the port (PostgreSQL only; jobs still run once)', (v) => Number(v), 1)
  .action(async (opts: { workers: number }) => {
    const port = Number(process.env.PORT || 3000);
    const host = process.env.HOST || '127.0.0.1';
    const limits = {
      maxBodyBytes: Number(process.env.KOPILKA_MAX_BODY_BYTES || defaultInputLimits.maxBodyBytes),
      maxBatchBytes: Number(process.env.KOPILKA_MAX_BATCH_BYTES || defaultInputLimits.maxBatchBytes),
    };
    for (const [name, value] of Object.entries(limits))
      if (!Number.isInteger(value) || value < 1024) return program.error(`${name === 'maxBodyBytes' ? 'KOPILKA_MAX_BODY_BYTES' : 'KOPILKA_MAX_BATCH_BYTES'} must be a whole number of bytes, at least 1024`);
    if (!Number.isInteger(opts.workers) || opts.workers < 1 || opts.workers > 64) return program.error('--workers must be a whole number from 1 to 64');
    const webhookTimeoutMs = Number(process.env.KOPILKA_WEBHOOK_TIMEOUT_MS || 10_000);
    if (!Number.isInteger(webhookTimeoutMs) || webhookTimeoutMs < 100 || webhookTimeoutMs > 60_000)
      return program.error('KOPILKA_WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000');
    if (opts.workers > 1 && !process.env.DATABASE_URL)
      return program.error('--workers needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process');
    // A worker of `serve --workers N` serves; the first process prepares the database, starts them and keeps them up.
    if (cluster.isWorker) return void (await serveHere(await open(), { port, host, limits, webhookTimeoutMs }));
    // The console is built from its sources when its build is missing or stale, before anyone can ask for it.
    await ensureConsoleBuilt((line) => console.log(line));
    const deps = await open();
    for (const id of await closeAbandonedLoads(deps))
      console.log(`The demo load of ${id} was stopped before it finished; the programme keeps the history it has and takes writes again.`);
    const empty = (await listPrograms(deps.db)).length === 0;
    // The demo generator (and its name lists) is loaded only when there is a demo to make.
    const demo = empty ? await (await import('./demo/generate.ts')).createDemoProgramme(deps, historyStart(deps, DEMO_DEFAULTS.months)) : null;
    const stopServing = opts.workers > 1 ? superviseWorkers(opts.workers) : (await serveHere(deps, { port, host, limits, webhookTimeoutMs, keepOpen: true })).stop;
    const url = `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${port}`;
    const workers = opts.workers > 1 ? `, ${opts.workers} worker processes` : '';
    console.log(`Kopilka is listening on ${url} (database: ${deps.db.engine}${workers}${host === '127.0.0.1' ? '; this machine only, set HOST=0.0.0.0 to open it' : `, on ${host}`})`);
    console.log(`Console: ${url}/console   API docs: ${url}/docs   OpenAPI: ${url}/openapi.json`);
    if (demo) {
      console.log(`Created the demo programme ${demo.programId}. These keys are shown once:`);
      console.log(`  admin key: ${demo.adminKey}`);
      console.log(`  till (pos) key: ${demo.posKey}`);
      console.log(`  console sign-in (owner): ${demo.owner.email}, one-time password ${demo.owner.password}`);
      console.log(`Loading ${DEMO_DEFAULTS.members} members and a year of receipts into it in the background...`);
      void loadDemo(deps, demo.programId, DEMO_DEFAULTS).catch((error) => console.error('demo load failed', error));
    }
    const stop = async () => {
      await stopServing();
      await deps.db.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  });

/** Serves the API and the scheduled jobs in this process until it is told to stop. */
async function serveHere(deps: Deps, o: { port: number; host: string; limits: InputLimits; webhookTimeoutMs: number; keepOpen?: boolean }) {
  const server = startServer(deps, { port: o.port, host: o.host, limits: o.limits, jobIntervalMs: 60_000, webhookTimeoutMs: o.webhookTimeoutMs });
  const stop = async () => {
    await server.close();
    if (!o.keepOpen) await deps.db.close();
  };
  // A worker stops when its supervisor does; the first process stops with the database it also holds.
  if (!o.keepOpen) {
    const exit = () => void stop().then(() => process.exit(0));
    process.on('SIGINT', exit);
    process.on('SIGTERM', exit);
  }
  return { stop };
}

/** Starts the workers, starts again one that dies (a second later), and on stop waits for each to finish its requests. */
function superviseWorkers(count: number): () => Promise<void> {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('listening', (worker) => console.log(`worker ${worker.process.pid} is serving`));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another`);
    setTimeout(() => cluster.fork(), 1000);
  });
  return async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
  };
}

program
  .command('demo')
  .description('create a realistic demo retailer: stores, catalogue, members and months of receipts (deterministic by seed)')
  .option('--members <n>', 'members', (v) => Number(v), DEMO_DEFAULTS.members)
  .option('--months <n>', 'months of history', (v) => Number(v), DEMO_DEFAULTS.months)
  .option('--seed <n>', 'random seed', (v) => Number(v), DEMO_DEFAULTS.seed)
  .action(withDatabase(async (deps, opts: { members: number; months: number; seed: number }) => {
    for (const [name, value] of Object.entries(opts))
      if (!Number.isInteger(value) || value < 1) return program.error(`--${name} must be a positive whole number`);
    const { createDemoProgramme } = await import('./demo/generate.ts');
    const demo = await createDemoProgramme(deps, historyStart(deps, opts.months));
    console.log(`demo programme ${demo.programId}\n  admin key: ${demo.adminKey}\n  till (pos) key: ${demo.posKey}`);
    console.log(`  owner's staff sign-in (POST /session): ${demo.owner.email}, one-time password ${demo.owner.password}`);
    await loadDemo(deps, demo.programId, opts);
  }));

program
  .command('migrate')
  .description('apply database migrations')
  .action(withDatabase(async (deps) => {
    console.log(`database (${deps.db.engine}) is up to date`);
  }));

const programs = program.command('programs').description('manage programmes (tenants)');
programs
  .command('create')
  .description('create a programme and print its admin key')
  .requiredOption('--name <name>', 'programme name')
  .action(withDatabase(async (deps, opts: { name: string }) => {
    const created = await createProgram(deps, { name: opts.name });
    if (!created.ok) return program.error(created.message);
    const key = await createApiKey(deps.db, created.value.id, 'admin', 'admin', deps.now());
    console.log(`programme ${created.value.id}\nadmin key (shown once): ${key.secret}`);
  }));
programs
  .command('list')
  .description('list programmes')
  .action(withDatabase(async (deps) => {
    for (const p of await listPrograms(deps.db)) console.log(`${p.id}\t${p.name}`);
  }));

const keys = program.command('keys').description('manage API keys');
/** The audit trail names the command line as the actor of what it changes. */
const commandLine = systemPrincipal('cli');
keys
  .command('create')
  .description('create an API key for one programme and one role; the key is printed once')
  .requiredOption('--program <id>', 'programme id')
  .addOption(new Option('--role <role>', 'role').choices(roles as string[]).makeOptionMandatory())
  .option('--name <name>', 'who or what uses the key', 'key')
  .option('--pii', "readonly keys only: let the key see members' personal data", false)
  .option('--partner <code>', 'partner keys only (and required for them): the partner whose stores the key sells at')
  .action(withDatabase(async (deps, opts: { program: string; role: Role; name: string; pii: boolean; partner?: string }) => {
    if (!(await findProgram(deps.db, opts.program))) program.error(`no programme ${opts.program} (see: kopilka programs list)`);
    const key = await issueKey(deps, opts.program, opts, commandLine);
    if (!key.ok) return program.error(key.message);
    console.log(key.value.secret);
  }));
keys
  .command('list')
  .description("list a programme's keys: id, role, name, created, revoked (never the secret)")
  .requiredOption('--program <id>', 'programme id')
  .action(withDatabase(async (deps, opts: { program: string }) => {
    if (!(await findProgram(deps.db, opts.program))) program.error(`no programme ${opts.program} (see: kopilka programs list)`);
    for (const k of await listApiKeys(deps.db, opts.program)) {
      const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
      console.log([k.id, k.pii ? `${k.role}+pii` : k.role, k.name, k.createdAt.toISOString(), state].join('\t'));
    }
  }));
keys
  .command('revoke')
  .description('revoke a key: a running server refuses it within 10 seconds')
  .argument('<id>', 'key id (key_…, see: kopilka keys list)')
  .action(withDatabase(async (deps, id: string) => {
    const revoked = await revokeKey(deps, null, id, commandLine, { keepLastAdmin: false });
    if (!revoked.ok) return program.error(revoked.message);
    const { id: keyId, name, role, programId, revokedAt } = revoked.value;
    console.log(`${keyId} (${name}, ${role}) of ${programId} revoked at ${revokedAt?.toISOString()}`);
  }));

const users = program.command('users').description('manage staff accounts of the console');
users
  .command('create')
  .description('create a staff account of one programme; its one-time password is printed once (change it after signing in)')
  .requiredOption('--program <id>', 'programme id')
  .requiredOption('--email <email>', 'the e-mail the person signs in with')
  .requiredOption('--name <name>', 'their name')
  .addOption(new Option('--role <role>', 'owner, marketer, support or analyst').choices(staffRoles as string[]).makeOptionMandatory())
  .action(withDatabase(async (deps, opts: { program: string; email: string; name: string; role: StaffRole }) => {
    if (!(await findProgram(deps.db, opts.program))) program.error(`no programme ${opts.program} (see: kopilka programs list)`);
    const created = await createStaff(deps, opts.program, opts, commandLine);
    if (!created.ok) return program.error(created.message);
    console.log(`${created.value.id} ${created.value.email} (${created.value.role}), one-time password: ${created.value.password}`);
  }));

program
  .command('import')
  .description('import receipts from a .jsonl (one API receipt per line) or .csv file (one row per line item)')
  .argument('<what>', 'what to import: receipts')
  .argument('<file>', 'file.jsonl or file.csv')
  .requiredOption('--program <id>', 'programme id')
  .action(withDatabase(async (deps, what: string, file: string, opts: { program: string }) => {
    if (what !== 'receipts') return program.error('only receipts can be imported');
    if (!(await findProgram(deps.db, opts.program))) return program.error(`no programme ${opts.program}`);
    const bar = progressBar('receipts', file.endsWith('.csv') ? null : await countLines(file));
    const report = await importReceipts(deps, opts.program, file, (done) => bar.update(done));
    bar.stop();
    console.log(`${report.confirmed} receipts confirmed, ${report.failed} refused`);
    for (const e of report.errors) console.log(`  ${e.receipt}: ${e.code} — ${e.message}`);
  }));

const jobs = program.command('jobs').description('run scheduled work by hand');
jobs
  .command('run')
  .description(`run a job: ${jobNames.join(', ')}`)
  .addArgument(program.createArgument('<name>', 'job name').choices(jobNames as string[]))
  .action(withDatabase(async (deps, name: JobName) => {
    const report = await runJobByHand(deps, name);
    console.log(`${report.job}: ${report.members} members looked at, ${report.changed} changed`);
    for (const { scope, by } of report.busy) console.log(`  ${scope ? `programme ${scope}` : 'every programme'}: running in ${by} now, left to it`);
  }));

const analytics = program.command('analytics').description("the programme's figures");
analytics
  .command('rebuild')
  .description('compute the daily sums and segment memberships again from the receipts and the ledger')
  .option('--program <id>', 'only this programme')
  .action(withDatabase(async (deps, options: { program?: string }) => {
    for (const r of await rebuildAnalytics(deps, options.program ?? null)) console.log(`${r.programId}: ${r.days} days summed, ${r.categorised} receipts given their categories, ${r.segments} segments evaluated`);
  }));

const dev = program.command('dev').description('tools for trying Kopilka on one machine');
dev
  .command('smtp')
  .description("an SMTP server that takes every mail and prints it: set the programme's e-mail channel to 127.0.0.1 and this port")
  .option('--port <port>', 'port to listen on', '2525')
  .action(async (options: { port: string }) => {
    // The catcher's packages are development dependencies: a production install has no use for them.
    const { startMailCatcher } = await import('./dev/mail-catcher.ts');
    await startMailCatcher(Number(options.port));
    console.log(`catching mail on 127.0.0.1:${options.port} (no TLS, any login); Ctrl+C to stop`);
  });

await program.parseAsync();
