import type { ControlCommand } from '../protocol/control';
import type {
	JoinReply,
	JoinRequest,
	ProtocolError,
	RatingRequest,
	Reply
} from '../protocol/socket-events';
import type { CommandChannel } from './command-sender';
import type { RoomIdentity } from './identity';
import type { JoinAccepted, JoinChannel, JoinEvents } from './join-flow.svelte';

/**
 * What the fake answers a request: the server's reply, `'lost'` (too slow, or cut off), or an
 * answer still on its way (`Held`).
 */
export type Answer<R> = R | 'lost' | Held<R>;

/** An answer still on its way: the request stays in flight until the test gives it. */
export class Held<R> {
	readonly given: Promise<R | 'lost'>;
	give: (answer: R | 'lost') => void = () => {};

	constructor() {
		this.given = new Promise((resolve) => (this.give = resolve));
	}
}

export const ROOM_ID = 'room-id-of-twenty-two0';

/** The person joining in these tests. */
export const ana: RoomIdentity = {
	participantId: 'ana-000001',
	participantKey: 'ana-key-of-twenty-two-c',
	name: 'Ana',
	roleId: 'giver'
};

/** The room's answer when it takes the tab in. */
export const ACCEPTED: JoinAccepted = {
	ok: true,
	roster: [],
	rosterVersion: 1,
	projectorToken: 'projector-token-of-22c',
	docTicket: 'doc-ticket-of-twenty-two'
};

/** The server's refusal with `code`, in its own English (the browser words it itself). */
export const refusal = (code: ProtocolError['code']): { ok: false; error: ProtocolError } => ({
	ok: false,
	error: { code, message: `refused: ${code}` }
});

/** Resolves with `answer` once given, or rejects as a request whose answer is lost does. */
const answering = async <R>(answer: Answer<R>): Promise<R> => {
	const given = answer instanceof Held ? await answer.given : answer;
	if (given === 'lost') throw new Error('operation has timed out');
	return given;
};

/**
 * An in-memory control connection: it records every request and answers each from a queue the
 * test fills (a join, command or rating with no answer queued is accepted), and its connection
 * comes up or gives up when the test says so.
 */
export class FakeControlChannel implements JoinChannel, CommandChannel {
	readonly joins: JoinRequest[] = [];
	readonly commands: ControlCommand[] = [];
	readonly ratings: RatingRequest[] = [];
	/** The answers to the next joins, in order. */
	readonly joinAnswers: Answer<JoinReply>[] = [];
	/** The answers to the next commands, in order. */
	readonly commandAnswers: Answer<Reply>[] = [];
	/** The answers to the next ratings, in order. */
	readonly ratingAnswers: Answer<Reply>[] = [];
	#up: boolean;
	/** `connected()` calls waiting for the connection to come up or give up. */
	#waiting: ((up: boolean) => void)[] = [];

	constructor({ up = true }: { up?: boolean } = {}) {
		this.#up = up;
	}

	connected(): Promise<boolean> {
		if (this.#up) return Promise.resolve(true);
		return new Promise((resolve) => this.#waiting.push(resolve));
	}

	/** The connection comes up: what waited for it goes ahead. */
	connect(): void {
		this.#up = true;
		this.#answerWaiting(true);
	}

	/** The connection does not come up in time: what waited for it gives up. */
	giveUp(): void {
		this.#answerWaiting(false);
	}

	join(request: JoinRequest): Promise<JoinReply> {
		this.joins.push(request);
		return answering(this.joinAnswers.shift() ?? ACCEPTED);
	}

	command(command: ControlCommand): Promise<Reply> {
		this.commands.push(command);
		return answering(this.commandAnswers.shift() ?? { ok: true });
	}

	rate(request: RatingRequest): Promise<Reply> {
		this.ratings.push(request);
		return answering(this.ratingAnswers.shift() ?? { ok: true });
	}

	#answerWaiting(up: boolean): void {
		for (const resolve of this.#waiting.splice(0)) resolve(up);
	}
}

/** A session as its `JoinFlow` sees it: what the join's answers asked of it, and its problem line. */
export class RecordedSession implements JoinEvents {
	/** Each room answer that took the tab in, with who joined. */
	readonly joined: [RoomIdentity, JoinAccepted][] = [];
	watches = 0;
	removals = 0;
	erasures = 0;
	/** The problem line as it is now. */
	problem: string | undefined = 'a problem from before';
	/** Called after the session has recorded a join, as `RoomSession` sends what was kept then. */
	afterJoined: () => void = () => {};

	onJoined(identity: RoomIdentity, reply: JoinAccepted): void {
		this.joined.push([identity, reply]);
		this.afterJoined();
	}

	watch(): Promise<void> {
		this.watches += 1;
		return Promise.resolve();
	}

	onRemoved(): void {
		this.removals += 1;
	}

	onErased(): Promise<void> {
		this.erasures += 1;
		return Promise.resolve();
	}

	tell = (words: string | undefined): void => {
		this.problem = words;
	};
}

/**
 * Lets every answer given so far be acted on: the promise chains they start end before the next
 * turn of the event loop (the tests fake `setTimeout` only, so this is never a fixed sleep).
 */
export const answered = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
