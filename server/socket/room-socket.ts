import type { Event } from 'socket.io';
import type { Metrics } from '../metrics';
import { assertNever } from '../../src/lib/assert-never';
import { roomIdSchema } from '../../src/lib/protocol/ids';
import type { Reply } from '../../src/lib/protocol/socket-events';
import { LIMIT_WORDS } from '../limits/limits';
import { admitSocketEvent, newSocketRate } from '../limits/message-rate';
import { log } from '../log';
import type { PushStore } from '../push/push-store';
import type { PresenceStore } from '../presence/presence-store';
import type { RoomRegistry } from '../rooms/room-registry';
import { answerQueue } from './answer-queue';
import { RoomEffects } from './room-effects';
import { RoomHandlers } from './room-handlers';
import { RoomPresence } from './room-presence';
import type { WakeIndex } from '../turns/wake-index';
import { startWakeUps } from '../turns/wake-ups';
import { silentTurnEvents, type TurnEvents } from '../turns/turn-events';
import { failure, personChannel, type RoomServer, type RoomSocket } from './socket-types';

export type { RoomServer } from './socket-types';

const STORAGE_UNAVAILABLE = 'The server cannot reach its storage; retrying…';

export interface RoomSocketDeps {
	rooms: RoomRegistry;
	/** Counts for /metrics: people joined through this instance. */
	metrics: Metrics;
	presence: PresenceStore;
	/** Server wall-clock time in ms. */
	now(): number;
	/** How often this instance refreshes its participants' presence records. */
	heartbeatMs: number;
	/**
	 * How long someone may be disconnected before the room stops waiting for them: a phone
	 * dropping off Wi-Fi for a moment must not reveal the ratings it had not given yet.
	 */
	leaveGraceMs: number;
	/** Whether other instances share this one's rooms through socket.io's Redis adapter. */
	sharedWithOtherInstances: boolean;
	/** The backend known to be down, if any (`Services.unavailable`). */
	unavailable(): string | undefined;
	/** How long an answered event may wait for storage before it is answered `unavailable`. */
	answerWithinMs: number;
	/** Who hears of turns starting and deadlines nearing (protocol A9); nobody by default. */
	turnEvents?: TurnEvents;
	/** The stored index of when rooms on turns next need a server (protocol A14). */
	wakes: WakeIndex;
	/** The rooms' Web Push subscriptions (protocol W1–W7). */
	push: Pick<PushStore, 'ofPeople' | 'remove'>;
}

/**
 * Room control over socket.io: watch, join with presence, visibility, control commands, sealed
 * ratings, erasing and clock pings. Every payload is parsed first; a bad one is answered with an
 * error and changes nothing (docs/protocol.md, rules S1–S8). Each socket's events are handled one
 * at a time, in order, so a join and a disconnect cannot interleave.
 */
export function attachRoomSocket(io: RoomServer, deps: RoomSocketDeps): { close(): void } {
	const presence: RoomPresence = new RoomPresence({
		io,
		presence: deps.presence,
		now: deps.now,
		heartbeatMs: deps.heartbeatMs,
		leaveGraceMs: deps.leaveGraceMs,
		settle: (roomId) => handlers.settle(roomId)
	});
	deps.metrics.measure('connectedPeople', () => presence.connectedPeople);
	const effects = new RoomEffects({
		io,
		rooms: deps.rooms,
		presence,
		presenceStore: deps.presence,
		sharedWithOtherInstances: deps.sharedWithOtherInstances,
		turnEvents: deps.turnEvents ?? silentTurnEvents,
		push: deps.push
	});
	const handlers = new RoomHandlers({
		rooms: deps.rooms,
		presence,
		effects,
		now: deps.now,
		isConnected: async (roomId, participantId) =>
			(await io.in(personChannel(roomId, participantId)).fetchSockets()).length > 0,
		failed: () => deps.metrics.error('socket')
	});

	const stopWakeUps = startWakeUps({
		rooms: deps.rooms,
		index: deps.wakes,
		now: deps.now,
		tick: (roomId) => handlers.tick(roomId),
		failed: (roomId, error) => {
			log.socket.error({ roomId, err: error }, 'a deadline could not be applied');
			deps.metrics.error('socket');
		}
	});

	io.on('room:erase', (roomId: unknown) => {
		const parsed = roomIdSchema.safeParse(roomId);
		if (!parsed.success) return;
		effects.endRoomHere(parsed.data).catch((error: unknown) => {
			log.socket.error({ roomId: parsed.data, err: error }, 'ending an erased room failed');
			deps.metrics.error('socket');
		});
	});

	/**
	 * Tells the sender of an event over the rate that it was not handled: through its
	 * acknowledgement when it has one of the usual shape, else with `protocol:error`.
	 */
	function refuseEvent(socket: RoomSocket, [name, ...args]: Event): void {
		const ack: unknown = args.at(-1);
		const refusal = failure('rate_limited', LIMIT_WORDS.slowDown);
		// A clock ping's answer has no error form.
		if (typeof ack === 'function' && name !== 'clock:ping') ack(refusal);
		else socket.emit('protocol:error', refusal.error);
	}

	io.on('connection', (socket: RoomSocket) => {
		let eventRate = newSocketRate(deps.now());
		// Every event counts against the socket's rate (protocol L2); one over it is not handled.
		socket.use((event, next) => {
			const admitted = admitSocketEvent(eventRate, deps.now());
			eventRate = admitted.rate;
			switch (admitted.verdict) {
				case 'handle':
					next();
					return;
				case 'refuse':
					deps.metrics.refusedWrite('message_rate');
					refuseEvent(socket, event);
					return;
				case 'disconnect':
					deps.metrics.refusedWrite('message_rate');
					log.socket.warn(
						{ roomId: presence.memberOf(socket)?.roomId },
						'disconnecting a socket that sent too many events'
					);
					socket.emit('protocol:error', {
						code: 'rate_limited',
						message: LIMIT_WORDS.disconnected,
						params: { reason: 'disconnected' }
					});
					socket.disconnect(true);
					return;
				default:
					assertNever(admitted.verdict);
			}
		});
		/** Answers through the acknowledgement, if the client sent one. */
		const answer = (ack: unknown, reply: Reply) => {
			if (typeof ack === 'function') ack(reply);
		};
		const events = answerQueue({
			unavailable: deps.unavailable,
			deadlineMs: deps.answerWithinMs,
			refuse(event, ack, dependency) {
				// Retryable: the browser keeps who it is and tries again (protocol S24).
				log.socket.warn(
					{ event, dependency, roomId: presence.memberOf(socket)?.roomId },
					'event answered unavailable: storage did not answer'
				);
				deps.metrics.error('unavailable');
				answer(ack, failure('unavailable', STORAGE_UNAVAILABLE));
			},
			failed(error) {
				log.socket.error({ err: error }, 'handler failed');
				deps.metrics.error('socket');
				socket.emit('protocol:error', {
					code: 'internal',
					message: 'Something went wrong on the server.'
				});
			}
		});

		socket.on('clock:ping', (ack: unknown) => {
			if (typeof ack === 'function') ack({ serverTime: deps.now() });
		});
		socket.on('room:watch', (payload: unknown, ack: unknown) =>
			events.answer(
				'room:watch',
				ack,
				() => handlers.watch(socket, payload),
				(reply) => answer(ack, reply)
			)
		);
		socket.on('room:join', (payload: unknown, ack: unknown) =>
			events.answer(
				'room:join',
				ack,
				() => handlers.join(socket, payload),
				(reply) => answer(ack, reply)
			)
		);
		socket.on('presence:visibility', (payload: unknown) =>
			events.run(() => handlers.setVisibility(socket, payload))
		);
		socket.on('control:command', (payload: unknown, ack: unknown) => {
			const started = performance.now();
			events.answer(
				'control:command',
				ack,
				() => handlers.command(socket, payload),
				(reply) => {
					answer(ack, reply);
					deps.metrics.commandHandled((performance.now() - started) / 1000);
				}
			);
		});
		socket.on('rating:submit', (payload: unknown, ack: unknown) =>
			events.answer(
				'rating:submit',
				ack,
				() => handlers.rate(socket, payload),
				(reply) => answer(ack, reply)
			)
		);
		socket.on('disconnect', () => events.run(() => presence.leave(socket)));
	});

	return {
		close() {
			presence.close();
			stopWakeUps();
		}
	};
}
