import type { Agent } from 'node:https';
import webpush from 'web-push';
import type { StoredPush } from './push-store';
import type { VapidKeys } from './vapid-keys';

/** What became of one message: delivered to the push service, the subscription gone, or not. */
export type PushSendResult = 'sent' | 'gone' | 'failed';

/** Sends one encrypted message to one subscription (protocol W5). */
export interface PushSender {
	send(push: StoredPush, payload: string, ttlSeconds: number): Promise<PushSendResult>;
}

export interface WebPushSenderOptions {
	keys: VapidKeys;
	/** `PUSH_CONTACT`: how a push service reaches the operator (mailto: or https:). */
	contact: string;
	/** A push service that does not answer within this is given up on for this message. */
	timeoutMs: number;
	/** For tests: an agent that trusts a local push service's certificate. */
	agent?: Agent;
}

/**
 * Push services answer 404 or 410 for a subscription that ended (the person unsubscribed in the
 * browser, or it expired): it will never work again (RFC 8030 §7.3).
 */
const GONE = new Set([404, 410]);

/**
 * The `web-push` library: the payload encrypted for the subscription (aes128gcm, RFC 8291),
 * signed with the VAPID keys (RFC 8292), POSTed to its endpoint. `Topic` makes a newer message
 * replace one the push service still holds, so someone offline for a day finds one notice.
 */
export function webPushSender(options: WebPushSenderOptions): PushSender {
	const vapidDetails = {
		subject: options.contact,
		publicKey: options.keys.publicKey,
		privateKey: options.keys.privateKey
	};
	return {
		async send(push, payload, ttlSeconds) {
			try {
				// web-push parses the endpoint with the legacy url.parse; hand it the WHATWG form the
				// allow list checked (W2), so both read the same host.
				const endpoint = new URL(push.endpoint).href;
				await webpush.sendNotification({ endpoint, keys: push.keys }, payload, {
					vapidDetails,
					TTL: Math.max(0, Math.round(ttlSeconds)),
					urgency: 'normal',
					topic: 'turn',
					timeout: options.timeoutMs,
					...(options.agent && { agent: options.agent })
				});
				return 'sent';
			} catch (error) {
				if (error instanceof webpush.WebPushError && GONE.has(error.statusCode)) return 'gone';
				return 'failed';
			}
		}
	};
}
