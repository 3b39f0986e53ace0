import { dev } from '$app/environment';
import { getLocale } from '../paraglide/runtime';
import type { MemberTicket } from '../protocol/ids';
import { pushKeyReplySchema, type SubscribePushRequest } from '../protocol/push';
import { readStored, writeStored } from './identity';
import { ANY_ANSWER, requestJson } from './json-request';
import {
	deviceSubscription,
	forgetPushRecord,
	pushEndpointKey,
	pushLocaleKey,
	pushSupported,
	releaseSubscription,
	withPushLock
} from './push-device';
import {
	afterAnswer,
	afterPermission,
	afterTurnOff,
	applicationServerKey,
	madeWithKey,
	mayEndDevice,
	offFailed,
	type PushState
} from './push-opt-in';

/**
 * How long a request made under the push lock may take before it counts as unanswered: every
 * other tab's turning on or off waits for it meanwhile.
 */
const LOCKED_REQUEST_MS = 15_000;

/**
 * "Tell me when it's my turn" in one room (protocol W1–W3): asks for the permission, registers
 * the service worker, subscribes this browser with the server's VAPID key and hands the
 * subscription to the server with the person's ticket and language; and takes it back.
 */
export class PushOptIn {
	state = $state<PushState>('off');
	/**
	 * This device is subscribed in this room, as far as the server last said: a failed attempt
	 * to turn notifications off leaves it so, and the card keeps offering to turn them off.
	 */
	subscribed = $state(false);

	constructor(
		private readonly roomId: () => string,
		private readonly member: () => MemberTicket | undefined,
		/** Whether the room ended for this person (erased, or they were removed). */
		private readonly ended: () => boolean,
		/** A signal that aborts `ms` from now: what gives up a request under the push lock. */
		private readonly timeout: (ms: number) => AbortSignal = (ms) => AbortSignal.timeout(ms)
	) {}

	/** The server's VAPID key, once asked; undefined when it sends no notifications. */
	#key: Promise<Uint8Array<ArrayBuffer> | undefined> | undefined;

	/**
	 * Finds out, on arrival, whether the server sends notifications, whether this browser can show
	 * them, and whether it is subscribed here already (with the server's current key).
	 */
	async check(): Promise<void> {
		try {
			if (!(await this.#serverKey())) {
				this.state = 'unavailable';
				return;
			}
		} catch {
			// Asked again when the person turns them on.
			this.#key = undefined;
		}
		if (!pushSupported()) {
			this.state = 'unsupported';
			return;
		}
		const endpoint = readStored(pushEndpointKey(this.roomId()));
		if (endpoint === null || Notification.permission !== 'granted') return;
		const subscription = await deviceSubscription();
		const key = await this.#key;
		if (
			subscription?.endpoint === endpoint &&
			key &&
			madeWithKey(subscription.options.applicationServerKey, key)
		) {
			this.state = 'on';
			this.subscribed = true;
		}
	}

	/**
	 * Subscribes this device again when the person changed language since it last did (W1: the
	 * same endpoint replaces the earlier subscription), so notifications come in the language the
	 * pages now speak. A switch reloads the page: this runs on arrival once joined and on.
	 */
	async keepLanguage(): Promise<void> {
		const member = this.member();
		const told = readStored(pushLocaleKey(this.roomId()));
		if (!this.subscribed || !member || told === getLocale()) return;
		try {
			const { registration, key } = await this.#worker();
			const state = await withPushLock(async () =>
				// Turned off (here or in another tab) while this waited: nothing to tell again.
				this.subscribed && readStored(pushEndpointKey(this.roomId())) !== null
					? this.#subscribeHere(member, registration, key)
					: undefined
			);
			// The person asked for nothing: only what ends it (the room gone) changes what they see,
			// and a failure leaves them still told in the earlier language, asked again next arrival.
			if (state === 'off') this.subscribed = false;
			if (state === 'on' || state === 'off') this.state = state;
		} catch {
			// Still told in the earlier language; asked again on the next arrival.
		}
	}

	/** The server's key as bytes; undefined when the server answers that it sends none (404). */
	#serverKey(): Promise<Uint8Array<ArrayBuffer> | undefined> {
		this.#key ??= requestJson('/api/push/key', pushKeyReplySchema).then((answer) => {
			if (answer.ok) return applicationServerKey(answer.data.publicKey);
			if (answer.status === 404) return undefined;
			throw new Error(`the server's push key could not be read (status ${answer.status})`);
		});
		return this.#key;
	}

	async turnOn(): Promise<void> {
		if (!pushSupported()) {
			this.state = 'unsupported';
			return;
		}
		const member = this.member();
		if (!member) {
			this.state = 'not-joined';
			return;
		}
		this.state = 'working';
		try {
			// Asked before waiting for another tab: a browser may prompt only on the person's click.
			const refused = afterPermission(await Notification.requestPermission());
			if (refused) {
				this.state = refused;
				return;
			}
			// Nor does reading the server's key and starting the worker change anything another tab
			// could be changing: done before the wait too.
			const { registration, key } = await this.#worker();
			this.state = await withPushLock(() => this.#subscribeHere(member, registration, key));
			if (this.state === 'on') this.subscribed = true;
		} catch {
			this.state = 'failed';
		}
	}

	/**
	 * Subscribes this browser, tells the server and keeps the endpoint for the room, under the
	 * push lock; answers the state it ends in.
	 */
	async #subscribeHere(
		member: MemberTicket,
		registration: ServiceWorkerRegistration,
		key: Uint8Array<ArrayBuffer>
	): Promise<PushState> {
		const subscription = await subscriptionWithKey(registration, key);
		const locale = getLocale();
		const request: SubscribePushRequest = {
			...member,
			locale,
			// reason: toJSON() types its keys as optional; the server's schema checks them.
			subscription: subscription.toJSON() as SubscribePushRequest['subscription']
		};
		const answer = await requestJson(`/api/rooms/${this.roomId()}/push`, ANY_ANSWER, {
			method: 'POST',
			json: request,
			signal: this.timeout(LOCKED_REQUEST_MS)
		});
		if (this.ended()) {
			// Erased or removed while the answer was on its way: the server deleted it with the
			// room or the person (or took it back, W7), and this browser forgot the room; it gives
			// the subscription up too, unless another room keeps it.
			await releaseSubscription(subscription, this.roomId());
			return 'off';
		}
		const state = afterAnswer(answer, 'on');
		if (state === 'on') {
			writeStored(pushEndpointKey(this.roomId()), subscription.endpoint);
			writeStored(pushLocaleKey(this.roomId()), locale);
		}
		return state;
	}

	async turnOff(): Promise<void> {
		const member = this.member();
		this.state = 'working';
		try {
			this.state = await withPushLock(() => this.#unsubscribeHere(member));
			if (this.state === 'off') this.subscribed = false;
		} catch {
			this.state = offFailed();
		}
	}

	/**
	 * Takes the subscription back from the server and ends it unless another room keeps it, under
	 * the push lock; answers the state it ends in.
	 */
	async #unsubscribeHere(member: MemberTicket | undefined): Promise<PushState> {
		const subscription = await deviceSubscription();
		if (subscription && member) {
			const answer = await requestJson(`/api/rooms/${this.roomId()}/push`, ANY_ANSWER, {
				method: 'DELETE',
				json: { ...member, endpoint: subscription.endpoint },
				signal: this.timeout(LOCKED_REQUEST_MS)
			});
			const ended = mayEndDevice(answer)
				? await releaseSubscription(subscription, this.roomId())
				: false;
			const state = afterTurnOff(answer, ended);
			if (state !== 'off') return state;
		}
		forgetPushRecord(this.roomId());
		return 'off';
	}

	/** The service worker's registration, ready, and the server's key to subscribe with. */
	async #worker(): Promise<{
		registration: ServiceWorkerRegistration;
		key: Uint8Array<ArrayBuffer>;
	}> {
		const key = await this.#serverKey().catch((error: unknown) => {
			this.#key = undefined;
			throw error;
		});
		if (!key) throw new Error('the server sends no notifications');
		// SvelteKit serves the worker as a module in development, bundled in a build.
		await navigator.serviceWorker.register('/service-worker.js', {
			type: dev ? 'module' : 'classic'
		});
		return { registration: await navigator.serviceWorker.ready, key };
	}
}

/** This browser's subscription with the server's current `key`: the one it has, or a new one. */
async function subscriptionWithKey(
	registration: ServiceWorkerRegistration,
	key: Uint8Array<ArrayBuffer>
): Promise<PushSubscription> {
	const existing = await registration.pushManager.getSubscription();
	if (existing && madeWithKey(existing.options.applicationServerKey, key)) return existing;
	// Made with a key the server no longer has (rotated): it would never be delivered.
	await existing?.unsubscribe();
	return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}
