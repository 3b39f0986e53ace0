import { isAfter, type DocumentLog } from '../storage/document-log';
import { RoomBusy } from './room-lock';

/** How long a decision waits for the other instances' changes to arrive before it is refused. */
export const CATCH_UP_MS = 2_000;

/** What catching up needs of a room: its documents, and how far this copy has each. */
export interface CatchUpDeps {
	roomId: string;
	log: Pick<DocumentLog, 'lastPosition'>;
	docIds: readonly string[];
	/** Position of the last log entry of `docId` this copy has. */
	at(docId: string): string | undefined;
	/** The room is gone: there is nothing more to wait for. */
	ended(): boolean;
}

/**
 * Brings a room's copy level with its log before a decision under the room's hold: waits until
 * it has every entry of each of its documents stored so far, woken by {@link LogCatchUp.moved}
 * as entries arrive rather than by polling, and refuses with {@link RoomBusy} after
 * {@link CATCH_UP_MS}.
 */
export class LogCatchUp {
	/** Decisions waiting for the positions to move. */
	readonly #waiters = new Set<() => void>();

	constructor(
		private readonly deps: CatchUpDeps,
		private readonly withinMs = CATCH_UP_MS
	) {}

	/** Waits until this copy has every log entry of the room's documents stored so far. */
	async wait(): Promise<void> {
		const { roomId, log, docIds, at, ended } = this.deps;
		const last = await Promise.all(docIds.map((docId) => log.lastPosition(docId)));
		const behind = () =>
			docIds.some((docId, i) => {
				const position = last[i];
				return position !== undefined && isAfter(position, at(docId));
			});
		const giveUpAt = Date.now() + this.withinMs;
		while (behind() && !ended()) {
			const left = giveUpAt - Date.now();
			if (left <= 0) throw new RoomBusy(roomId, 'the log did not arrive in time');
			await new Promise<void>((resolve) => {
				const moved = () => {
					clearTimeout(timer);
					this.#waiters.delete(moved);
					resolve();
				};
				const timer = setTimeout(moved, left);
				this.#waiters.add(moved);
			});
		}
	}

	/** A log position of the room moved: the waiting decisions look again. */
	moved(): void {
		for (const moved of [...this.#waiters]) moved();
	}
}
