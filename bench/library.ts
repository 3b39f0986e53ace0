import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisPlaybookStore } from '../server/playbooks/redis-playbook-store';
import type { PlaybookStore } from '../server/playbooks/playbook-store';
import { createSqlitePlaybookStore } from '../server/playbooks/sqlite-playbook-store';
import { connectRedis } from '../server/redis/connect';
import { openSqlite } from '../server/storage/sqlite';
import { findBuiltInPlaybook } from '../src/lib/playbooks/library';
import { freePort, startRedis, type TestRedis } from '../tests/support/redis-server';
import { waitFor } from '../tests/support/wait';
import { parseArgs } from './args';
import { summarize } from './stats';

/**
 * The library with many community playbooks stored (docs/performance.md, "The library"):
 * `npm run build && node scripts/build-bench.js && node .bench/library.js [--count=10000]
 * [--requests=50] [--redis] [--large]`. Stores `count` playbooks, starts the production server
 * (build/main.js) on them, and times each request `requests` times, one at a time.
 */
const args = parseArgs(process.argv.slice(2));
const count = Number(args.get('count') ?? 10_000);
const requests = Number(args.get('requests') ?? 50);
const onRedis = args.has('redis');
/** --large: bodies of about 60 KB, like the flood that was once accepted, instead of 3 KB. */
const large = args.has('large');

const small = findBuiltInPlaybook('five-minute-win')!;
const template = large
	? {
			...small,
			phases: Array.from({ length: 20 }, (_, index) => ({
				...small.phases[0]!,
				id: `phase-${index}`,
				prompts: Array.from({ length: 12 }, () => 'Padding '.repeat(31))
			}))
		}
	: small;

/** Stores the playbooks, oldest first, a batch at a time (Redis would time out on all at once). */
async function seed(store: PlaybookStore): Promise<void> {
	for (let start = 0; start < count; start += 500) {
		const saves: Promise<unknown>[] = [];
		for (let index = start; index < Math.min(count, start + 500); index++) {
			const title = index === 17 ? 'The needle' : `Seeded playbook ${index}`;
			const playbook = { ...template, id: `seeded-${index}`, title, author: 'Bench' };
			saves.push(
				store.save(
					{ playbook, createdAt: 1_000 + index, deleteTokenHash: 'bench' },
					Number.MAX_SAFE_INTEGER
				)
			);
		}
		await Promise.all(saves);
	}
}

const dataDir = mkdtempSync(join(tmpdir(), 'practice-room-library-'));
let redis: TestRedis | undefined;
if (onRedis) {
	redis = await startRedis();
	const client = await connectRedis(redis.url, 'bench-library');
	await seed(createRedisPlaybookStore(client));
	await client.close();
} else {
	const db = openSqlite(dataDir);
	db.exec('PRAGMA synchronous = OFF');
	await seed(createSqlitePlaybookStore(db));
	db.close();
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['build/main.js'], {
	env: {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		LOG_LEVEL: 'warn',
		...(redis ? { REDIS_URL: redis.url } : {})
	},
	stdio: ['ignore', 'inherit', 'inherit']
});
await waitFor(
	() =>
		fetch(`${base}/healthz`).then(
			(r) => r.ok,
			() => false
		),
	'the server',
	20_000
);

const paths = [
	'/api/playbooks',
	'/api/playbooks?offset=9000&limit=100',
	'/',
	'/?page=400',
	'/?skill=listening',
	'/?q=needle',
	'/?q=nothing+matches'
];
const bodyKb = Math.round(JSON.stringify(template).length / 1024);
console.log(
	`${count} community playbooks of ${bodyKb} KB in ${onRedis ? 'Redis' : 'SQLite'}, ${requests} requests each`
);
console.log('| request | p50 ms | p95 ms | bytes |');
console.log('| --- | --- | --- | --- |');
for (const path of paths) {
	const times: number[] = [];
	let bytes = 0;
	for (let i = 0; i < requests; i++) {
		const started = performance.now();
		const response = await fetch(`${base}${path}`);
		bytes = (await response.arrayBuffer()).byteLength;
		if (!response.ok) throw new Error(`${path} answered ${response.status}`);
		times.push(performance.now() - started);
	}
	const { p50, p95 } = summarize(times);
	console.log(`| \`GET ${path}\` | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${bytes} |`);
}

server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
await redis?.stop();
rmSync(dataDir, { recursive: true, force: true });
