import { chmod, link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import webpush from 'web-push';
import { z } from 'zod';
import { log } from '../log';
import type { RedisClient } from '../redis/connect';
import { VAPID_KEYS_KEY } from '../redis/keys';
import { newSecret } from '../rooms/room-secrets';

/**
 * The server's VAPID key pair (RFC 8292): push services accept a subscription's messages only
 * when signed with the private key whose public key the browser subscribed with, so the pair is
 * made once and kept for as long as the subscriptions should work (docs/operations.md).
 */
export const vapidKeysSchema = z.object({
	/** An uncompressed P-256 point, base64url: what browsers take as `applicationServerKey`. */
	publicKey: z.string().regex(/^B[A-Za-z0-9_-]{86}$/),
	/** The 32-byte private scalar, base64url. */
	privateKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/)
});
export type VapidKeys = z.infer<typeof vapidKeysSchema>;

/** Where the embedded deployment keeps the pair, in DATA_DIR. */
export const VAPID_KEYS_FILE = 'vapid-keys.json';

/** JSON that does not parse (a file cut short) is refused like JSON that holds no pair. */
const parseJson = (text: string): unknown => {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
};

const parseKeys = (text: string, where: string): VapidKeys => {
	const parsed = vapidKeysSchema.safeParse(parseJson(text));
	if (!parsed.success) {
		throw new Error(
			`${where} does not hold a VAPID key pair; restore it or remove it to make a new one`
		);
	}
	return parsed.data;
};

const isCode = (error: unknown, code: string) =>
	error instanceof Error && 'code' in error && error.code === code;

/**
 * The pair in `DATA_DIR/vapid-keys.json`, made at first start. The file is written whole under a
 * temporary name readable by the owner alone (mode 600), then linked into place, which fails if
 * another process got there first: the pair is whole and the same for everyone who reads it.
 */
export async function fileVapidKeys(
	dataDir: string,
	generate: () => VapidKeys = webpush.generateVAPIDKeys
): Promise<VapidKeys> {
	const path = join(dataDir, VAPID_KEYS_FILE);
	await mkdir(dataDir, { recursive: true });
	const made = generate();
	const draft = `${path}.${newSecret()}.tmp`;
	await writeFile(draft, JSON.stringify(made), { mode: 0o600, flag: 'wx' });
	try {
		await link(draft, path);
		log.push.info('VAPID key pair made');
		return made;
	} catch (error) {
		if (!isCode(error, 'EEXIST')) throw error;
	} finally {
		await unlink(draft);
	}
	// Someone restoring a backup may have widened it: the private key is the operator's alone.
	if (((await stat(path)).mode & 0o077) !== 0) {
		await chmod(path, 0o600);
		log.push.warn({ file: path }, 'the VAPID key file was readable by others: now mode 600');
	}
	return parseKeys(await readFile(path, 'utf8'), path);
}

/**
 * The pair in Redis, made at first start by whichever instance comes first (SET NX): every
 * instance of a deployment signs with the same key, so a subscription made through one is
 * served by all.
 */
export async function redisVapidKeys(
	client: RedisClient,
	generate: () => VapidKeys = webpush.generateVAPIDKeys
): Promise<VapidKeys> {
	const made = await client.set(VAPID_KEYS_KEY, JSON.stringify(generate()), { condition: 'NX' });
	if (made === 'OK') log.push.info('VAPID key pair made');
	const stored = await client.get(VAPID_KEYS_KEY);
	if (stored === null) throw new Error(`Redis lost ${VAPID_KEYS_KEY} as it was made`);
	return parseKeys(stored, `Redis key ${VAPID_KEYS_KEY}`);
}
