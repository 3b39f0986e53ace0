import { CONTROL_MAP } from '../../src/lib/protocol/control';
import { nextWakeAt } from '../../src/lib/room/async-clock';
import type { RoomRegistry } from '../rooms/room-registry';
import { DeadlineClock } from './deadline-clock';
import { RoomWakes } from './room-wakes';
import type { WakeIndex } from './wake-index';

/** How often the wake index is read for rooms nobody has open (protocol A14). */
const WAKE_SWEEP_EVERY_MS = 60_000;

export interface WakeUpsDeps {
	/** The rooms as they load, each watched for its schedule's next wake. */
	rooms: Pick<RoomRegistry, 'onLoaded'>;
	/** The stored index of when rooms on turns next need a server (protocol A14). */
	index: WakeIndex;
	/** Server wall-clock time in ms. */
	now(): number;
	/**
	 * Looks at the room's schedule now, under its single writer (`async.tick`); answers false
	 * when there is no such room.
	 */
	tick(roomId: string): Promise<boolean>;
	/** Reports a wake or an index read or write that failed (no room: a sweep). */
	failed(roomId: string | undefined, error: unknown): void;
}

/**
 * Wakes the rooms on turns when their schedule next needs a server: this instance's deadline
 * clock, armed and stored as each room loads and whenever its control state changes, and armed
 * from the stored index for the rooms nobody opens (protocol A10, A14, A15). Answers the
 * function that stops it.
 */
export function startWakeUps(deps: WakeUpsDeps): () => void {
	const clock = new DeadlineClock({
		now: deps.now,
		// A room gone (erased, expired in Redis) leaves the index the first time it is due.
		wake: async (roomId) => {
			if (!(await deps.tick(roomId))) await wakes.forget(roomId);
		},
		failed: deps.failed
	});
	const wakes = new RoomWakes({
		clock,
		index: deps.index,
		now: deps.now,
		everyMs: WAKE_SWEEP_EVERY_MS,
		failed: (error) => deps.failed(undefined, error)
	});
	const stopWatching = deps.rooms.onLoaded((room) => {
		const control = room.doc.getMap(CONTROL_MAP);
		const wakeAt = () => nextWakeAt(room.control.read());
		control.observe(() => wakes.schedule(room.meta.id, wakeAt()));
		wakes.loaded(room.meta.id, wakeAt());
	});
	wakes.start();
	return () => {
		stopWatching();
		void wakes.stop();
		clock.stop();
	};
}
