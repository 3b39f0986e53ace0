import {
	savedCalendarState,
	type SavedCalendarState,
	type TurnsNow
} from '../room/async-calendar-saved';
import type { PlannedDeadline } from '../room/async-view';
import { savedCalendarKey } from './identity';
import { saveDeadlines, savedDeadlines } from './saved-calendar';

/**
 * The calendar file of a room's turns as this device last downloaded it, so the turns card can
 * say when the deadlines moved after it (a resume, an extension, turns taken early).
 */
export class SavedCalendar {
	#deadlines = $state<PlannedDeadline[] | undefined>();

	constructor(private readonly roomId: () => string) {}

	/** Reads what was downloaded here before: in the browser, once the card is mounted. */
	load(): void {
		this.#deadlines = savedDeadlines(this.roomId());
	}

	/**
	 * Reads what was downloaded here, and again whenever another tab of this browser downloads a
	 * file for the room (a `storage` event); answers the way to stop listening.
	 */
	follow(): () => void {
		this.load();
		const reload = (event: StorageEvent) => {
			// A null key: the storage was cleared.
			if (event.key === null || event.key === savedCalendarKey(this.roomId())) this.load();
		};
		window.addEventListener('storage', reload);
		return () => window.removeEventListener('storage', reload);
	}

	/** A file with `deadlines` was downloaded now. */
	downloaded(deadlines: readonly PlannedDeadline[]): void {
		saveDeadlines(this.roomId(), deadlines);
		this.#deadlines = [...deadlines];
	}

	/** Whether a file downloaded here will be out of date once resting deadlines move (A28, A8). */
	get willMove(): boolean {
		return savedCalendarState(this.#deadlines, { kind: 'resting' }) === 'will-move';
	}

	/** The file against where the room's turns stand now (`turnsNow`). */
	against(turns: TurnsNow): SavedCalendarState {
		return savedCalendarState(this.#deadlines, turns);
	}
}
