import { log } from '../log';
import type { RedisClient } from '../redis/connect';
import { awarenessChannel } from '../redis/keys';
import type { Listener, RedisSubscriber } from '../redis/subscriber';
import { guarded, type AwarenessFeed } from './awareness-feed';
import { fields } from './redis-log-follower';

/**
 * Awareness through Redis pub/sub, one channel per room, each message tagged with the sending
 * instance (`<origin>\n<update>`) so that it does not hear its own. Not stored: what is lost
 * in an outage is renewed by the clients every 15 s.
 */
export function redisAwarenessFeed(
	client: RedisClient,
	subscriber: RedisSubscriber,
	instanceId: string
): AwarenessFeed {
	const rooms = new Set<{ channel: string; listener: Listener }>();
	subscriber.onOutage({
		lost: () => {},
		// node-redis subscribes again only the channels whose SUBSCRIBE it saw answered: one in
		// flight when the connection dropped is missing (a failure here is retried next time).
		back: () => {
			for (const { channel, listener } of rooms) {
				subscriber.subscribe(channel, listener).catch(() => {});
			}
		}
	});
	return {
		publish(roomId, update) {
			// Queued while disconnected, it would reach the others stale once Redis is back. Clients
			// renew their state every 15 s, so the current one follows soon after.
			if (!client.isReady) return;
			client
				.publish(
					awarenessChannel(roomId),
					Buffer.concat([Buffer.from(`${instanceId}\n`, 'latin1'), update])
				)
				.catch((error: unknown) => log.redis.debug({ err: error }, 'awareness not sent'));
		},
		// Which instances follow a room is Redis's to know; asking would cost more than publishing.
		heard: () => true,
		follow(roomId, deliver) {
			const safeDeliver = guarded(deliver, { roomId });
			const room = {
				channel: awarenessChannel(roomId),
				listener: (message: Buffer) => {
					if (!rooms.has(room)) return;
					const parsed = fields(message, 1);
					if (parsed && parsed.head[0] !== instanceId) safeDeliver(parsed.rest);
				}
			};
			rooms.add(room);
			subscriber.subscribe(room.channel, room.listener).catch(() => {
				// The connection dropped with it in flight: it is subscribed again once back.
			});
			return () => {
				if (!rooms.delete(room)) return;
				subscriber.unsubscribe(room.channel, room.listener);
			};
		}
	};
}
