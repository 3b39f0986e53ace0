import { execFile } from 'node:child_process';
import { createECDH, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { tempDir } from './server';

const run = promisify(execFile);

/** A request the test push service received. */
export interface PushRequest {
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

export interface TestPushService {
	/** `https://127.0.0.1:<port>`. */
	origin: string;
	/** `127.0.0.1:<port>`, for PUSH_SERVICES. */
	host: string;
	/** Trusts the service's self-signed certificate: hand it to the server's sender. */
	agent: Agent;
	received: PushRequest[];
	/** The status the service answers a path with (default 201, as push services do). */
	answer(path: string, status: number): void;
	stop(): Promise<void>;
}

/**
 * A stand-in push service (RFC 8030) on a local https port with a self-signed certificate for
 * 127.0.0.1 (openssl): records every message, answers 201 unless told otherwise.
 */
export async function startPushService(): Promise<TestPushService> {
	const dir = tempDir();
	await run('openssl', [
		...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'],
		...['-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`, '-days', '1'],
		...['-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1']
	]);
	const cert = readFileSync(`${dir}/cert.pem`);
	const received: PushRequest[] = [];
	const statuses = new Map<string, number>();
	const server = createServer({ key: readFileSync(`${dir}/key.pem`), cert }, (req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const path = req.url ?? '';
			received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
			res.writeHead(statuses.get(path) ?? 201).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const agent = new Agent({ ca: cert });
	return {
		origin: `https://127.0.0.1:${port}`,
		host: `127.0.0.1:${port}`,
		agent,
		received,
		answer: (path, status) => statuses.set(path, status),
		stop: () => {
			agent.destroy();
			return new Promise((resolve) => server.close(() => resolve()));
		}
	};
}

/** A browser's side of a subscription: its ECDH key pair and auth secret (RFC 8291). */
export interface SubscriptionKeys {
	ecdh: ReturnType<typeof createECDH>;
	auth: Buffer;
	/** As `PushSubscription.toJSON().keys` gives them. */
	json: { p256dh: string; auth: string };
}

export function newSubscriptionKeys(): SubscriptionKeys {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16);
	return {
		ecdh,
		auth,
		json: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') }
	};
}

const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, length: number) =>
	Buffer.from(hkdfSync('sha256', ikm, salt, info, length));

/**
 * Decrypts an aes128gcm message (RFC 8188 framing, RFC 8291 keys) with the subscription's
 * private key and auth secret, as the browser does; throws when it does not decrypt.
 */
export function decryptPush(body: Buffer, keys: SubscriptionKeys): string {
	const salt = body.subarray(0, 16);
	const idLength = body.readUInt8(20);
	const senderKey = body.subarray(21, 21 + idLength);
	const ciphertext = body.subarray(21 + idLength);
	const shared = keys.ecdh.computeSecret(senderKey);
	const keyInfo = Buffer.concat([
		Buffer.from('WebPush: info\0'),
		keys.ecdh.getPublicKey(),
		senderKey
	]);
	const ikm = hkdf(keys.auth, shared, keyInfo, 32);
	const cek = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
	const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
	const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
	decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
	const padded = Buffer.concat([
		decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
		decipher.final()
	]);
	// The last record ends with the delimiter 2, then any zero padding.
	const end = padded.lastIndexOf(2);
	if (end < 0 || padded.subarray(end + 1).some((byte) => byte !== 0)) {
		throw new Error('the record has no final delimiter');
	}
	return padded.subarray(0, end).toString('utf8');
}
