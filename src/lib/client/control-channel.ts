import { io, type Socket } from 'socket.io-client';
import type { ControlCommand } from '../protocol/control';
import { SOCKET_ANSWER_WAIT_MS } from '../protocol/answer-deadline';
import type {
	ClientToServerEvents,
	JoinReply,
	JoinRequest,
	RatingRequest,
	Reply,
	RosterReply,
	ServerToClientEvents,
	WatchRequest
} from '../protocol/socket-events';

/** How long a request may wait for its answer before the person is told (longer than the server takes). */
const ANSWER_TIMEOUT_MS = SOCKET_ANSWER_WAIT_MS;
/** How long a request waits for the connection before the person is told it cannot be reached. */
const CONNECT_TIMEOUT_MS = 5_000;

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One tab's socket.io connection to the rooms, as requests that answer: each waits at most
 * {@link ANSWER_TIMEOUT_MS} for its answer and rejects when it is lost (disconnected, or too
 * slow). What the answers mean is the session's to decide.
 */
export class ControlChannel {
	readonly socket: RoomSocket = io({ transports: ['websocket'], reconnectionDelayMax: 2_500 });

	/** The server's clock now, for the clock offset (protocol S6). */
	serverTime = (): Promise<number> =>
		this.#timed()
			.emitWithAck('clock:ping')
			.then((reply) => reply.serverTime);

	/** Follows a room's roster without joining it. */
	watch(request: WatchRequest): Promise<RosterReply> {
		return this.#timed().emitWithAck('room:watch', request);
	}

	join(request: JoinRequest): Promise<JoinReply> {
		return this.#timed().emitWithAck('room:join', request);
	}

	command(command: ControlCommand): Promise<Reply> {
		return this.#timed().emitWithAck('control:command', command);
	}

	rate(request: RatingRequest): Promise<Reply> {
		return this.#timed().emitWithAck('rating:submit', request);
	}

	/** Resolves true once the socket is connected, false if that takes longer than {@link CONNECT_TIMEOUT_MS}. */
	connected(): Promise<boolean> {
		if (this.socket.connected) return Promise.resolve(true);
		return new Promise((resolve) => {
			const onConnect = () => {
				clearTimeout(timeout);
				resolve(true);
			};
			const timeout = setTimeout(() => {
				this.socket.off('connect', onConnect);
				resolve(false);
			}, CONNECT_TIMEOUT_MS);
			this.socket.once('connect', onConnect);
		});
	}

	#timed() {
		return this.socket.timeout(ANSWER_TIMEOUT_MS);
	}
}
