import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { readRepoFile } from './compose-file';
import { tempDir } from './server';
import { waitFor } from './wait';

/**
 * The repository's nginx configs (deploy/) run by a real nginx outside Docker, for
 * tests/integration/nginx.test.ts. Only what a machine outside Docker needs is changed: ports,
 * file paths, the upstream's address instead of Docker's name `app`, and for nginx older than
 * the image's, `resolve` (Docker DNS) and `http2 on` (written `listen … http2`).
 */

const run = promisify(execFile);

/** The installed nginx binary, if any (`apt-get install nginx-light`), and openssl for a key. */
export const nginxBinary = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((path) =>
	existsSync(path)
);
export const hasOpenssl = existsSync('/usr/bin/openssl');

export interface RunningNginx {
	/** `http://127.0.0.1:<port>`: the config's `listen 80`. */
	http: string;
	/** `https://127.0.0.1:<port>`: its `listen 443 ssl`, when it has one. */
	https: string;
	/** The self-signed certificate nginx serves (for IP 127.0.0.1), to trust in clients. */
	cert: string;
	stop(): Promise<void>;
}

/** nginx's version as numbers, from `nginx -v` (written to stderr). */
const versionOf = (binary: string) =>
	/nginx\/(\d+)\.(\d+)\.(\d+)/
		.exec(spawnSync(binary, ['-v'], { encoding: 'utf8' }).stderr)
		?.slice(1)
		.map(Number) ?? [0, 0, 0];

const atLeast = (version: number[], least: number[]) => {
	const differs = version.findIndex((part, i) => part !== least[i]);
	return differs === -1 || version[differs]! > least[differs]!;
};

const freePort = () =>
	new Promise<number>((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});

/**
 * Starts nginx with `config` (`deploy/nginx.conf` or `deploy/nginx-tls.conf`) and
 * deploy/nginx/ in front of the app at `appHost` (`127.0.0.1:<port>`), after `nginx -t`.
 */
export async function startNginx(config: string, appHost: string): Promise<RunningNginx> {
	const binary = nginxBinary;
	if (!binary) throw new Error('no nginx installed');
	const dir = tempDir();
	const [plainPort, tlsPort] = [await freePort(), await freePort()];
	for (const folder of ['tls', 'acme', 'practice-room', 'temp']) mkdirSync(`${dir}/${folder}`);
	await run('openssl', [
		...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'],
		...['-keyout', `${dir}/tls/privkey.pem`, '-out', `${dir}/tls/fullchain.pem`, '-days', '1'],
		...['-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1']
	]);

	writeFileSync(
		`${dir}/practice-room/upstreams.conf`,
		readRepoFile('deploy/nginx/upstreams.conf')
			.replace(/^resolver.*$/gm, '')
			.replace(/\bapp:3000 resolve\b/g, appHost)
	);
	writeFileSync(`${dir}/practice-room/proxy.conf`, readRepoFile('deploy/nginx/proxy.conf'));
	// The binary's own temp folders may not be writable; the test's folder is.
	const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
		.map((kind) => `${kind}_temp_path ${dir}/temp/${kind};`)
		.join(' ');
	let conf = readRepoFile(config)
		.replace(/^events\b/m, `pid ${dir}/nginx.pid;\nevents`)
		.replace(/^http \{/m, `http {\n${temp}`)
		.replace('listen 80;', `listen 127.0.0.1:${plainPort};`)
		.replace('listen 443 ssl;', `listen 127.0.0.1:${tlsPort} ssl;`)
		.replaceAll('/etc/nginx/tls/', `${dir}/tls/`)
		.replace('/var/www/acme', `${dir}/acme`)
		.replaceAll('include practice-room/', `include ${dir}/practice-room/`);
	if (!atLeast(versionOf(binary), [1, 25, 1])) {
		conf = conf.replace(' ssl;', ' ssl http2;').replace(/^\s*http2 on;$/m, '');
	}
	writeFileSync(`${dir}/nginx.conf`, conf);
	// -e: the binary's own error log may not be writable before the config's is read.
	const args = ['-e', 'stderr', '-p', dir, '-c', `${dir}/nginx.conf`];
	await run(binary, ['-t', '-q', ...args]);
	const proxy = spawn(binary, [...args, '-g', 'daemon off;'], { stdio: 'inherit' });
	const http = `http://127.0.0.1:${plainPort}`;
	await waitFor(
		() =>
			fetch(`${http}/lb-healthz`).then(
				(res) => res.ok,
				() => false
			),
		'nginx to serve'
	);
	return {
		http,
		https: `https://127.0.0.1:${tlsPort}`,
		cert: readFileSync(`${dir}/tls/fullchain.pem`, 'utf8'),
		async stop() {
			if (proxy.exitCode !== null) return;
			const exited = new Promise((resolve) => proxy.once('exit', resolve));
			proxy.kill('SIGTERM');
			await exited;
		}
	};
}

export interface RawAnswer {
	status: number;
	/** Header lines as sent, names lower-cased, so a repeated header shows twice. */
	headers: [string, string][];
	body: string;
}

/** An HTTPS request to `url` that trusts `ca`, with every header line of the answer. */
export function fetchTrusting(
	ca: string,
	url: string,
	init: { method?: string; body?: string } = {}
): Promise<RawAnswer> {
	return new Promise((resolve, reject) => {
		const req = request(url, { ca, method: init.method ?? 'GET' }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (body += chunk));
			res.on('end', () => {
				const raw = res.rawHeaders;
				const headers: [string, string][] = [];
				for (let i = 0; i < raw.length; i += 2) headers.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
				resolve({ status: res.statusCode ?? 0, headers, body });
			});
		});
		req.on('error', reject);
		if (init.body) req.setHeader('content-type', 'application/json');
		req.end(init.body);
	});
}
