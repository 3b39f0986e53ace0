import type { Agent } from 'node:https';
import type { Config } from '../config';
import type { RoomRegistry } from '../rooms/room-registry';
import type { PushStore } from './push-store';
import { pushServiceAllowed } from './push-services';
import { TurnNotifier } from './turn-notifier';
import { silentTurnEvents, type TurnEvents } from '../turns/turn-events';
import type { VapidKeys } from './vapid-keys';
import { webPushSender } from './web-push-sender';

/** How long a push service may take to answer one message. */
const PUSH_TIMEOUT_MS = 10_000;

export interface TurnNotifications {
	/** The VAPID public key browsers subscribe with; undefined when notifications are off. */
	publicKey: string | undefined;
	/** Where the turn schedule reports turns: the notifier, or nobody when they are off. */
	events: TurnEvents;
	/** Waits for the notifications under way (at shutdown). */
	idle(): Promise<void>;
}

/**
 * The server's turn notifications (protocol W1–W8) from its configuration: off with
 * `PUSH_SERVICES=off` (no key pair is made), else a {@link TurnNotifier} sending through
 * web-push with the deployment's VAPID keys (`vapidKeys` makes or reads them).
 */
export async function openTurnNotifications(
	config: Pick<Config, 'PUSH_SERVICES' | 'PUSH_CONTACT'>,
	deps: {
		store: PushStore;
		vapidKeys(): Promise<VapidKeys>;
		rooms: Pick<RoomRegistry, 'getRoom' | 'playbookOf'>;
		now(): number;
		/** For tests: an agent trusting a local push service. */
		agent?: Agent;
	}
): Promise<TurnNotifications> {
	if (config.PUSH_SERVICES.length === 0) {
		return { publicKey: undefined, events: silentTurnEvents, idle: async () => {} };
	}
	const keys = await deps.vapidKeys();
	const notifier = new TurnNotifier({
		store: deps.store,
		sender: webPushSender({
			keys,
			contact: config.PUSH_CONTACT,
			timeoutMs: PUSH_TIMEOUT_MS,
			...(deps.agent && { agent: deps.agent })
		}),
		playbookOf: async (roomId) => {
			const meta = await deps.rooms.getRoom(roomId);
			return meta && deps.rooms.playbookOf(meta);
		},
		allowed: (endpoint) => pushServiceAllowed(endpoint, config.PUSH_SERVICES),
		now: deps.now
	});
	return { publicKey: keys.publicKey, events: notifier, idle: () => notifier.idle() };
}
