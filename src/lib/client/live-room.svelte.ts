import { m } from '../paraglide/messages';
import type { ControlCommand, ControlState } from '../protocol/control';
import type { Playbook } from '../protocol/playbook';
import type { Participant } from '../protocol/presence';
import { waitingFor } from '../room/async-takers';
import { watchingOnTurns } from '../room/command-rights';
import { roomPlay, type RoomPlay } from '../room/room-play';
import { readinessCounts } from '../room/room-rules';
import { canControl, hasAgreed, isHost, presentIds } from '../room/room-view';
import type { RoomIdentity } from './identity';
import { actionLabel, offlineNewsWords, WAIT_REASONS } from './offline-actions';
import type { RoomContext } from './room-context';
import type { OfflineQueue } from './offline-queue.svelte';
import type { RoomDoc } from './room-doc.svelte';
import type { RoomSession } from './room-session.svelte';
import type { ServerClock } from './server-clock.svelte';
import type { ShortcutContext } from './shortcuts';
import { StepMoves } from './step-moves.svelte';

/** What the room's view reads of a session (a `RoomSession`; a plain object in tests). */
export type ViewedSession = Pick<
	RoomSession,
	'roster' | 'joined' | 'removed' | 'erased' | 'clock' | 'command'
> & { doc: Pick<RoomDoc, 'control'>; offline: Pick<OfflineQueue, 'news' | 'queue'> };

/**
 * The room page's view of its room, worked out once from the session, who this person joined
 * as and the playbook, and given to every component through the room context. Create it while
 * the page initialises: its step moves follow the room from then on.
 */
export class LiveRoom implements RoomContext {
	readonly #session: () => ViewedSession | undefined;
	readonly #identity: () => RoomIdentity | undefined;
	readonly #playbook: () => Playbook;

	/** The room's control state; undefined until the first sync. */
	readonly synced = $derived.by(() => this.#session()?.doc.control);
	/** The plan, step, people and cast as the room plays them now, once synced. */
	readonly play: RoomPlay<Playbook, Participant> | undefined = $derived.by(() => {
		const control = this.synced;
		return control && roomPlay(this.#playbook(), control, this.#session()?.roster ?? []);
	});
	readonly roster: readonly Participant[] = $derived.by(
		() => this.play?.roster ?? this.#session()?.roster ?? []
	);
	readonly selfId = $derived.by(() => this.#identity()?.participantId ?? '');
	/** Joined, but the control connection is down: the roster may be out of date (S21). */
	readonly cutOff = $derived.by(() => {
		const session = this.#session();
		return session !== undefined && this.#identity() !== undefined && !session.joined;
	});
	/** The presses kept while cut off, to send on return: the session's queue itself (S21). */
	readonly kept = $derived.by(() => this.#session()?.offline.queue ?? []);
	/** The kept presses, each named as the button pressed reads. */
	readonly keptLabels = $derived.by(() =>
		this.kept.map((action) => actionLabel(action, this.play?.steps ?? []))
	);
	/** In the room: joined, neither removed nor erased. */
	readonly inRoom = $derived.by(() => {
		const session = this.#session();
		return (
			session !== undefined && this.#identity() !== undefined && !session.removed && !session.erased
		);
	});
	readonly hosting = $derived.by(
		() => this.synced !== undefined && isHost(this.synced, this.selfId)
	);
	readonly agreed = $derived.by(
		() => this.synced !== undefined && hasAgreed(this.synced, this.selfId)
	);
	/** Who is present: everyone on the roster who is not gone. */
	readonly present = $derived.by(() => presentIds(this.roster));
	/**
	 * This person watches a room on turns, not as its host, and stands in for nobody away: its
	 * controls, and being ready, are not theirs (A35).
	 */
	readonly watching = $derived.by(
		() =>
			this.synced !== undefined &&
			watchingOnTurns(this.synced, this.#playbook(), this.selfId, this.present)
	);
	/** Whose readiness counts: on turns, not someone watching who stands in for nobody (A35). */
	readonly readyRoster = $derived.by(() => {
		const counted = this.synced && readinessCounts(this.synced, this.#playbook(), this.present);
		return counted ? this.roster.filter((person) => counted.includes(person.participantId)) : [];
	});
	/** Phases, timer and call link are not this person's: the host keeps them, or they watch. */
	readonly locked = $derived.by(
		() => this.synced !== undefined && (!canControl(this.synced, this.selfId) || this.watching)
	);
	readonly phaseTitle = $derived.by(() => this.play?.current?.phase.title);
	/** Why raising a hand waits: a press while cut off is kept, so only the agreements hold it. */
	readonly handWait = $derived.by(() => (this.agreed ? undefined : m.room_after_agreements()));
	/** Why the timer waits: the connection first, since confirming the agreements would not help. */
	readonly timerWait = $derived.by(() => (this.cutOff ? WAIT_REASONS.timer() : this.handWait));
	/** What became of the presses kept while cut off, in words. */
	readonly offlineNews = $derived.by(() => {
		const news = this.#session()?.offline.news;
		return news ? offlineNewsWords(news, this.phaseTitle, this.play?.steps ?? []) : [];
	});
	/** What the tab title shows while this person is in the room (issue 19.8). */
	readonly titleLive = $derived.by(() => {
		const session = this.#session();
		const control = this.synced;
		return this.inRoom && session && control && this.play?.current
			? {
					timer: control.timer,
					clock: session.clock,
					phaseTitle: this.phaseTitle ?? '',
					roomPaused: control.pause !== null,
					yourTurn:
						control.async?.mode === 'async' &&
						waitingFor(control, this.#playbook()).includes(this.selfId)
				}
			: undefined;
	});
	readonly shortcutContext: ShortcutContext = $derived.by(() => ({
		joined: this.inRoom,
		agreed: this.agreed,
		canControl: !this.locked,
		watching: this.watching,
		roomPaused: this.synced?.pause != null,
		// The same rule as the buttons': cut off means not joined over socket.io (S21).
		live: !this.cutOff
	}));
	/** Every Next and Previous on this screen, resting a moment after each change of step. */
	readonly moves: StepMoves;

	constructor(
		session: () => ViewedSession | undefined,
		identity: () => RoomIdentity | undefined,
		playbook: () => Playbook
	) {
		this.#session = session;
		this.#identity = identity;
		this.#playbook = playbook;
		this.moves = new StepMoves(
			() => {
				const control = this.synced;
				const current = this.play?.current;
				return control && current
					? {
							step: control.step,
							movedBy: control.movedBy,
							phaseTitle: current.phase.title,
							selfId: this.selfId
						}
					: undefined;
			},
			(id) => this.synced?.people[id]?.name,
			// `from` names the step on screen, so a press that arrives after the room left it (kept
			// while cut off, or crossing someone else's move) is refused rather than made (S5).
			(target) => {
				if (this.synced) void this.command({ type: 'step.goto', target, from: this.synced.step });
			}
		);
	}

	get control(): ControlState {
		if (!this.synced) throw new Error('The room was read before it synced.');
		return this.synced;
	}

	get clock(): ServerClock {
		const session = this.#session();
		if (!session) throw new Error('The clock was read before the room was opened.');
		return session.clock;
	}

	command = (command: ControlCommand): Promise<boolean> =>
		this.#session()?.command(command) ?? Promise.resolve(false);
}
