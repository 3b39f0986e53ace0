import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';

/**
 * The Docker Compose deployment (README: Deploy with Docker Compose), checked without Docker:
 * CI has no Docker engine, so this reads docker-compose.yml and the nginx config it mounts and
 * asserts what `docker compose up` relies on.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

/** The part of the Compose file format this deployment uses. */
const stringList = z.union([z.string(), z.array(z.string())]);
const serviceSchema = z.object({
	image: z.string().optional(),
	build: z.union([z.string(), z.object({ context: z.string() })]).optional(),
	command: stringList.optional(),
	environment: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
	ports: z.array(z.string()).optional(),
	volumes: z.array(z.string()).optional(),
	depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
	healthcheck: z.object({ test: stringList }).optional(),
	restart: z.string().optional(),
	stop_grace_period: z.string().optional(),
	deploy: z.object({ replicas: z.number().int().optional() }).optional()
});
type Service = z.infer<typeof serviceSchema>;
const composeSchema = z.object({
	services: z.record(z.string(), serviceSchema),
	volumes: z.record(z.string(), z.unknown()).optional()
});

const compose = composeSchema.parse(parse(read('docker-compose.yml')));
const services = Object.entries(compose.services);

/** The one service whose name or image says it is `kind`. */
function only(kind: string): [name: string, service: Service] {
	const found = services.filter(([name, service]) =>
		`${name} ${service.image ?? ''}`.includes(kind)
	);
	expect(found.map(([name]) => name)).toHaveLength(1);
	return found[0]!;
}

const [redisName, redis] = only('redis');
const [, nginx] = only('nginx');
/** The app: services built from the repository's Dockerfile. */
const apps = services.filter(([, service]) => service.build !== undefined);

const words = (value: string | string[] | undefined) =>
	Array.isArray(value) ? value : (value ?? '').split(/\s+/);

/** Seconds in a Compose duration such as `30s` or `1m30s`. */
function seconds(duration: string): number {
	const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
	const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
	expect(parts.map(([part]) => part).join('')).toBe(duration);
	return parts.reduce((sum, [, n, unit]) => sum + Number(n) * (units[unit!] ?? 0), 0);
}

/** nginx's config without comments. */
const nginxConf = read('deploy/nginx.conf').replace(/#[^\n]*/g, '');

/** The text inside `{ … }` after the first match of `head`, nested blocks included. */
function block(text: string, head: RegExp): string {
	const match = new RegExp(`${head.source}\\s*\\{`).exec(text);
	expect(match, `nginx block ${head.source}`).not.toBeNull();
	const start = match!.index + match![0].length;
	let depth = 1;
	for (let i = start; i < text.length; i++) {
		if (text[i] === '{') depth++;
		if (text[i] === '}' && --depth === 0) return text.slice(start, i);
	}
	throw new Error(`nginx block ${head.source} is not closed`);
}

/** The directives of a block itself, without those of the blocks nested in it. */
const ownDirectives = (text: string) => text.replace(/\{[^{}]*\}/g, ';');

const serverBlock = block(nginxConf, /\bserver/);

/**
 * The proxy headers a location sends: nginx inherits `proxy_set_header` from the server block
 * only when the location sets none itself.
 */
function proxyHeaders(location: string): Map<string, string> {
	const own = [...location.matchAll(/proxy_set_header\s+(\S+)\s+([^;]+);/g)];
	const set =
		own.length > 0
			? own
			: [...ownDirectives(serverBlock).matchAll(/proxy_set_header\s+(\S+)\s+([^;]+);/g)];
	return new Map(set.map(([, name, value]) => [name!.toLowerCase(), value!.trim()]));
}

/** A directive's value in a location, else in the server block it inherits from. */
function directive(location: string, name: string): string | undefined {
	const pattern = new RegExp(`\\b${name}\\s+([^;]+);`);
	return (pattern.exec(location) ?? pattern.exec(ownDirectives(serverBlock)))?.[1]?.trim();
}

describe('docker-compose.yml', () => {
	test('Redis keeps an append-only file on a named volume', () => {
		const command = words(redis.command);
		expect(command[command.indexOf('--appendonly') + 1]).toBe('yes');
		const dataVolume = redis.volumes?.find((volume) => volume.endsWith(':/data'));
		expect(dataVolume).toBeDefined();
		expect(Object.keys(compose.volumes ?? {})).toContain(dataVolume!.split(':')[0]);
	});

	test('at least two app instances run from the Dockerfile', () => {
		expect(existsSync(`${root}Dockerfile`)).toBe(true);
		const instances = apps.reduce((sum, [, app]) => sum + (app.deploy?.replicas ?? 1), 0);
		expect(instances).toBeGreaterThanOrEqual(2);
	});

	test('the app instances share the Redis service and trust the one proxy in front', () => {
		for (const [, app] of apps) {
			expect(app.environment?.REDIS_URL).toBe(`redis://${redisName}:6379`);
			expect(String(app.environment?.TRUST_PROXY)).toBe('1');
			expect(app.depends_on?.[redisName]?.condition).toBe('service_healthy');
		}
	});

	test('the app instances publish no port: nginx is the one way in', () => {
		const published = services.flatMap(([, service]) => service.ports ?? []);
		expect(published).toEqual(nginx.ports);
		expect(published).toHaveLength(1);
	});

	test('every service has a health check and a restart policy', () => {
		for (const [, service] of services) {
			expect(service.healthcheck).toBeDefined();
			expect(service.restart).toMatch(/^(always|unless-stopped|on-failure)/);
		}
		for (const [, app] of apps) expect(words(app.healthcheck?.test).join(' ')).toMatch(/\/readyz/);
	});

	test('an app instance has time for a graceful shutdown', () => {
		for (const [, app] of apps) {
			expect(seconds(app.stop_grace_period ?? '10s')).toBeGreaterThanOrEqual(30);
		}
	});

	test('nginx starts once every app instance is ready, with the config from the repository', () => {
		for (const [name] of apps) expect(nginx.depends_on?.[name]?.condition).toBe('service_healthy');
		const mount = nginx.volumes?.find((volume) => volume.includes('nginx.conf'));
		expect(mount).toBe('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
		expect(existsSync(`${root}deploy/nginx.conf`)).toBe(true);
	});

	test('nginx listens on the container port that is published', () => {
		const containerPort = nginx.ports?.[0]?.split(':').at(-1);
		expect(ownDirectives(serverBlock)).toMatch(new RegExp(`\\blisten\\s+${containerPort}\\b`));
	});

	test('the image installs exactly the committed lock with npm ci, its install step in place first', () => {
		const dockerfile = read('Dockerfile').replace(/#[^\n]*/g, '');
		expect(dockerfile).toMatch(/RUN npm ci\b/);
		expect(dockerfile).not.toMatch(/npm install\b/);
		// package.json's postinstall runs scripts/ensure-node.js, which needs node-runtime.js.
		const copied = dockerfile.indexOf('scripts/ensure-node.js');
		expect(copied).toBeGreaterThan(-1);
		expect(dockerfile.indexOf('scripts/node-runtime.js')).toBeGreaterThan(-1);
		expect(copied).toBeLessThan(dockerfile.indexOf('RUN npm ci'));
	});
});

describe('deploy/nginx.conf', () => {
	test('every upstream server is the app service on its port, re-resolved through Docker DNS', () => {
		const upstreams = [...nginxConf.matchAll(/\bupstream\s+(\S+)/g)].map(([, name]) => name!);
		expect(upstreams.length).toBeGreaterThan(0);
		const appPorts = apps.map(([name, app]) => `${name}:${app.environment?.PORT ?? 3000}`);
		for (const name of upstreams) {
			const upstream = block(nginxConf, new RegExp(`\\bupstream\\s+${name}`));
			const servers = [...upstream.matchAll(/\bserver\s+(\S+)([^;]*);/g)];
			expect(servers.length).toBeGreaterThan(0);
			for (const [, address, options] of servers) {
				expect(appPorts).toContain(address);
				expect(options).toMatch(/\bresolve\b/);
				expect(options).toMatch(/\bmax_fails=\d+/);
				expect(options).toMatch(/\bfail_timeout=\d+/);
			}
			expect(upstream).toMatch(/\bzone\s/);
		}
		expect(nginxConf).toMatch(/\bresolver\s+127\.0\.0\.11\b/);
	});

	test.each(['/yjs/', '/socket.io/'])('%s is proxied as a long-lived WebSocket', (path) => {
		const location = block(nginxConf, new RegExp(`\\blocation\\s+${path.replace(/\./g, '\\.')}`));
		expect(location).toMatch(/\bproxy_pass\s+http:\/\/\S+;/);
		const headers = proxyHeaders(location);
		expect(headers.get('upgrade')).toBe('$http_upgrade');
		expect(headers.get('connection')).toBe('$connection_upgrade');
		expect(nginxConf).toMatch(/\bmap\s+\$http_upgrade\s+\$connection_upgrade\b/);
		expect(directive(location, 'proxy_http_version')).toBe('1.1');
		expect(seconds(directive(location, 'proxy_read_timeout') ?? '60s')).toBeGreaterThanOrEqual(600);
	});

	test('the app learns the client, the scheme and the host the browser used', () => {
		const headers = proxyHeaders(block(nginxConf, /\blocation\s+\//));
		expect(headers.get('x-forwarded-for')).toBe('$proxy_add_x_forwarded_for');
		expect(headers.get('x-forwarded-proto')).toBe('$scheme');
		expect(headers.get('host')).toBe('$http_host');
	});

	test('a dead instance is skipped', () => {
		expect(directive('', 'proxy_next_upstream')).toMatch(/\berror\b.*\btimeout\b/);
	});
});
