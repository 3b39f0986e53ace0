import { m } from '../paraglide/messages';
import type { Playbook } from '../protocol/playbook';
import {
	newParticipantId,
	newParticipantKey,
	roomIdentity,
	saveRoomIdentity,
	type RoomIdentity
} from './identity';
import type { RoomSession } from './room-session.svelte';
import { roomSession } from './room-opening';

/**
 * The journal's code (IndexedDB, entries, follow-ups): only a joined person's or an erased
 * room's visit needs it, so the join screen does not carry it (issue 18's page budget).
 */
const journalCode = () =>
	Promise.all([import('../journal/journal-store'), import('../journal/room-journal')]);
/**
 * Code that did not arrive (a flaky link) leaves this visit out of the journal, as a browser
 * without IndexedDB does: the room itself goes on.
 */
const noJournal = () => {};

/**
 * This tab's visit to a room: its session, opened for each room the page shows, and who this
 * person joined as (remembered in this browser, so a reload joins again). Taking part goes into
 * their journal; an erased room leaves no trace of it. Create it while the page initialises.
 */
export class RoomVisit {
	session = $state<RoomSession | undefined>();
	identity = $state<RoomIdentity | undefined>();
	readonly #roomId: () => string;

	constructor(roomId: () => string, playbook: () => Playbook) {
		this.#roomId = roomId;
		$effect(() => {
			const id = roomId();
			const current = roomSession(id);
			this.session = current;
			const saved = roomIdentity(id);
			if (saved) {
				this.identity = saved;
				// Refused (locked, full, removed…): back to the join form, which shows why.
				void current.join(saved).then((error) => {
					if (error && error.code !== 'internal' && this.session === current) {
						this.identity = undefined;
					}
				});
			}
			return () => {
				current.destroy();
				this.session = undefined;
				this.identity = undefined;
			};
		});

		// An erased room leaves no trace of this person having taken part in it.
		$effect(() => {
			if (!this.session?.erased) return;
			const id = roomId();
			void journalCode()
				.then(([store, rooms]) => rooms.forgetRoomAttendance(id, store.journal()))
				.catch(noJournal);
		});

		// Taking part, shout-outs to this person and their commitment's follow-up go into their
		// journal.
		// The code arrives first; leaving before it has stops nothing that started.
		$effect(() => {
			const { session, identity } = this;
			if (!session || !identity || session.erased) return;
			const shown = playbook();
			let stop: (() => void) | undefined;
			let left = false;
			void journalCode().then(([store, rooms]) => {
				if (left) return;
				stop = rooms.syncRoomJournal(
					rooms.sessionSource(session, shown, identity.participantId),
					store.journal()
				);
			}, noJournal);
			return () => {
				left = true;
				stop?.();
			};
		});
	}

	/** Joins under a new identity; answers what the join form should say, if anything. */
	join = async (name: string, roleId: string): Promise<string | undefined> => {
		const session = this.session;
		if (!session) return m.room_still_connecting();
		const next = {
			participantId: newParticipantId(),
			participantKey: newParticipantKey(),
			name,
			roleId
		};
		// A refusal is told once, by the session: the form's notices or the problem line.
		if (await session.join(next)) return undefined;
		saveRoomIdentity(this.#roomId(), next);
		this.identity = next;
		return undefined;
	};
}
