import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { HSTS } from '../../server/http/security-headers';
import { readComposeFile, readRepoFile as read, repoRoot as root } from '../support/compose-file';
import {
	block,
	blocks,
	mergedVolumes,
	mountOf,
	nginxConfig,
	ownDirectives,
	seconds,
	words
} from '../support/deploy-files';

/**
 * The Docker Compose deployment (README: Deploy with Docker Compose), checked without Docker:
 * CI has no Docker engine, so this reads docker-compose.yml, the TLS override and the nginx
 * configs they mount, and asserts what `docker compose up` relies on. The files' syntax is
 * checked against the Compose specification in compose-spec.test.ts.
 */

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
	logging: z
		.object({ driver: z.string(), options: z.record(z.string(), z.string()).optional() })
		.optional(),
	stop_grace_period: z.string().optional(),
	deploy: z.object({ replicas: z.number().int().optional() }).optional()
});
type Service = z.infer<typeof serviceSchema>;
const composeSchema = z.object({
	services: z.record(z.string(), serviceSchema),
	volumes: z.record(z.string(), z.unknown()).optional()
});

const compose = composeSchema.parse(readComposeFile('docker-compose.yml'));
/** docker-compose.tls.yml: only what it changes. */
const tlsOverride = composeSchema.parse(readComposeFile('docker-compose.tls.yml'));
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

const nginxConf = nginxConfig(nginx.volumes ?? []);

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

/**
 * Per image, the release that fixed the latest security advisories of the branch it is pinned
 * to, as known when the pins were last reviewed (docs/operations.md, "Image versions"). A pin
 * is exact so that it does not move; this keeps it from staying on a release with a known hole.
 */
const LEAST_PATCHED: Record<string, string> = {
	// Redis 7.4.9 (May 2026): CVE-2026-23479, CVE-2026-25243 and CVE-2026-23631, each a possible
	// remote code execution by a client of Redis.
	redis: '7.4.9',
	// nginx 1.30.1 (May 2026): six advisories, CVE-2026-42945 among them, exploited in the wild.
	nginx: '1.30.1'
};

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
		for (const volume of nginx.volumes ?? []) expect(mountOf(volume).mode).toBe('ro');
	});

	test('every service’s log is rotated by Docker', () => {
		for (const [name, service] of services) {
			expect(service.logging?.driver, name).toBe('json-file');
			expect(service.logging?.options?.['max-size'], name).toMatch(/^\d+[km]$/);
			expect(Number(service.logging?.options?.['max-file']), name).toBeGreaterThanOrEqual(2);
		}
	});

	test('every image is an exact release, not a tag that moves', () => {
		const images = services.flatMap(([, service]) => (service.image ? [service.image] : []));
		expect(images.length).toBeGreaterThan(0);
		for (const image of images) {
			expect(image).toMatch(/^[a-z0-9./-]+:\d+\.\d+\.\d+(-[a-z0-9.]+)?(@sha256:[0-9a-f]{64})?$/);
		}
	});

	test('no image is older than the release that fixed its branch’s latest known advisories', () => {
		const images = services.flatMap(([, service]) => (service.image ? [service.image] : []));
		for (const [name, least] of Object.entries(LEAST_PATCHED)) {
			const image = images.find((image) => image.startsWith(`${name}:`));
			expect(image, name).toBeDefined();
			const used = /:(\d+)\.(\d+)\.(\d+)/.exec(image!)!.slice(1).map(Number);
			const needed = least.split('.').map(Number);
			const differs = used.findIndex((part, i) => part !== needed[i]);
			expect(differs === -1 || used[differs]! > needed[differs]!, `${image} < ${least}`).toBe(true);
		}
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

describe('deploy/nginx.conf and deploy/nginx/', () => {
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

describe('HTTPS: docker-compose.tls.yml and deploy/nginx-tls.conf', () => {
	const tls = tlsOverride.services[only('nginx')[0]];
	const volumes = mergedVolumes(nginx.volumes ?? [], tls?.volumes ?? []);
	const tlsConf = nginxConfig(volumes);
	const servers = blocks(tlsConf, /\bserver/).filter((server) => /\blisten\s/.test(server));
	const listening = (port: number) =>
		servers.filter((server) => new RegExp(`\\blisten\\s+${port}\\b`).test(ownDirectives(server)));
	const [plain] = listening(80);
	const [secure] = listening(443);
	/** A directive's values in a block itself, not in the blocks nested in it. */
	const values = (text: string, name: string) =>
		[...ownDirectives(text).matchAll(new RegExp(`\\b${name}\\s+([^;]+);`, 'g'))].map(([, value]) =>
			value!.trim()
		);

	test('overrides only nginx: ports 80 and 443 replace 8080, and its config is the TLS one', () => {
		expect(Object.keys(tlsOverride.services)).toEqual([only('nginx')[0]]);
		expect(read('docker-compose.tls.yml')).toMatch(/\bports:\s*!override\b/);
		expect(tls?.ports).toEqual(['80:80', '443:443']);
		expect(volumes).toContain('./deploy/nginx-tls.conf:/etc/nginx/nginx.conf:ro');
		expect(volumes).not.toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
		for (const volume of volumes) expect(mountOf(volume).mode).toBe('ro');
	});

	test('nginx listens on each published container port, with TLS on 443', () => {
		expect(listening(80)).toHaveLength(1);
		expect(listening(443)).toHaveLength(1);
		expect(values(secure!, 'listen')).toEqual(['443 ssl']);
		expect(values(secure!, 'http2')).toEqual(['on']);
	});

	test('the certificate and key are read from the folder the operator mounts', () => {
		const tlsDir = volumes.map(mountOf).find(({ container }) => container === '/etc/nginx/tls');
		expect(tlsDir?.host).toBe('${TLS_DIR:-./deploy/tls}');
		expect(values(secure!, 'ssl_certificate')).toEqual(['/etc/nginx/tls/fullchain.pem']);
		expect(values(secure!, 'ssl_certificate_key')).toEqual(['/etc/nginx/tls/privkey.pem']);
		// Nothing in the folder is committed or copied into an image.
		expect(read('deploy/tls/.gitignore')).toMatch(/^\*$/m);
		expect(read('.dockerignore')).toMatch(/^deploy\/tls$/m);
	});

	test('only TLS 1.2 and 1.3, with forward-secret AEAD suites, and no session tickets', () => {
		expect(values(secure!, 'ssl_protocols')).toEqual(['TLSv1.2 TLSv1.3']);
		const suites = values(secure!, 'ssl_ciphers')[0]?.split(':') ?? [];
		expect(suites.length).toBeGreaterThan(0);
		for (const suite of suites)
			expect(suite).toMatch(/^ECDHE-(ECDSA|RSA)-(AES\d+-GCM-SHA\d+|CHACHA20-POLY1305)$/);
		expect(values(secure!, 'ssl_session_tickets')).toEqual(['off']);
	});

	test('plain HTTP is redirected to HTTPS, except the health check and ACME challenges', () => {
		const everything = block(plain!, /\blocation\s+\//);
		expect(everything.trim()).toBe('return 301 https://$host$request_uri;');
		expect(block(plain!, /\blocation\s+=\s+\/lb-healthz/)).toMatch(/\breturn\s+200\b/);
		const acme = block(plain!, /\blocation\s+\/\.well-known\/acme-challenge\//);
		const webroot = /\broot\s+([^;]+);/.exec(acme)?.[1];
		expect(volumes.map(mountOf).map(({ container }) => container)).toContain(webroot);
		expect(plain).not.toMatch(/\bproxy_pass\b/);
		// The health check in docker-compose.yml still reaches nginx over plain HTTP.
		expect(words(nginx.healthcheck?.test).join(' ')).toMatch(/http:\/\/127\.0\.0\.1\/lb-healthz/);
	});

	test('HTTPS answers carry one Strict-Transport-Security header, the app’s value', () => {
		expect(values(secure!, 'add_header')).toEqual([`Strict-Transport-Security "${HSTS}" always`]);
		expect(values(secure!, 'proxy_hide_header')).toEqual(['Strict-Transport-Security']);
		// A location with an add_header of its own would drop the server's.
		for (const location of blocks(secure!, /\blocation\s+[^{]+/)) {
			expect(location).not.toMatch(/\badd_header\b/);
		}
	});

	test('HTTPS proxies the app like plain HTTP does, telling it the scheme', () => {
		const routes = (server: string) =>
			[...server.matchAll(/\blocation\s+([^{]+)\{/g)].map(([, path]) => path!.trim());
		expect(routes(secure!)).toEqual(routes(serverBlock));
		const location = block(secure!, /\blocation\s+\//);
		expect(/proxy_set_header\s+X-Forwarded-Proto\s+([^;]+);/.exec(secure!)?.[1]).toBe('$scheme');
		expect(location).toMatch(/\bproxy_pass\s+http:\/\/app;/);
	});
});
