import type { RedisClient } from './connect';

/** What a channel's subscriber is given: the message's bytes. */
export type Listener = (message: Buffer) => void;

/** What a user of the connection does when it drops, and once it is back. */
export interface OutageHandlers {
	/** The connection dropped: what is published until it is back is lost to it. */
	lost(): void;
	/** The connection is back after an outage (not on the first connect). */
	back(): void;
}

/**
 * One pub/sub connection to Redis, shared by the document log's feeds and the awareness feed.
 * node-redis subscribes its channels again on every reconnect; an UNSUBSCRIBE lost with the
 * connection is sent again once it is back, or node-redis would subscribe that channel again.
 */
export class RedisSubscriber {
	readonly #connection: RedisClient;
	/** Listeners whose UNSUBSCRIBE was lost with the connection: sent again once connected. */
	readonly #leftOver = new Set<{ channel: string; listener: Listener }>();
	readonly #handlers = new Set<OutageHandlers>();
	#closed = false;

	/** A second connection of `client`'s, for pub/sub alone. */
	static async connect(client: RedisClient): Promise<RedisSubscriber> {
		const subscriber = new RedisSubscriber(client.duplicate());
		await subscriber.#connection.connect();
		return subscriber;
	}

	private constructor(connection: RedisClient) {
		this.#connection = connection;
		connection.on('error', () => {
			// The main connection logs Redis errors; the same outage would be logged twice.
		});
		connection.on('reconnecting', () => {
			for (const handlers of this.#handlers) handlers.lost();
		});
		let connectedBefore = false;
		connection.on('ready', () => {
			if (!connectedBefore) {
				connectedBefore = true;
				return;
			}
			const again = [...this.#leftOver];
			this.#leftOver.clear();
			for (const { channel, listener } of again) this.unsubscribe(channel, listener);
			for (const handlers of this.#handlers) handlers.back();
		});
	}

	/**
	 * Subscribes `listener` to `channel`; answers at once when the channel is subscribed
	 * already. Rejects when the connection drops with the SUBSCRIBE in flight.
	 */
	subscribe(channel: string, listener: Listener): Promise<void> {
		return this.#connection.subscribe(channel, listener, true);
	}

	/** Unsubscribes `listener` from `channel`, again after a reconnect should it be lost. */
	unsubscribe(channel: string, listener: Listener): void {
		if (this.#closed) return;
		this.#connection.unsubscribe(channel, listener, true).catch(() => {
			// The connection dropped with it in flight: node-redis keeps the listener and subscribes
			// its channel again on every reconnect, unless it is sent again.
			this.#leftOver.add({ channel, listener });
		});
	}

	/** Tells `handlers` of every outage from now on. */
	onOutage(handlers: OutageHandlers): void {
		this.#handlers.add(handlers);
	}

	close(): void {
		this.#closed = true;
		this.#leftOver.clear();
		this.#handlers.clear();
		this.#connection.destroy();
	}
}
