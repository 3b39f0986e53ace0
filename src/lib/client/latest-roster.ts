import { rosterVersionSchema } from '../protocol/presence';
import { supersedes } from '../room/roster-order';

/**
 * Which of the rosters one connection receives to show: the newest (protocol S27). A roster with
 * no version comes from a server before versions (a rolling deploy): it cannot be ordered, so it
 * is shown as it arrives, and the version held is let go, since that server's rosters say nothing
 * of where they stand.
 */
export class LatestRoster {
	/** The shown roster's version, if it had one. */
	#version: number | undefined;

	/** Whether the roster read at `version` is to be shown; if so, it is the one held from now on. */
	take(version: unknown): boolean {
		if (version === undefined) {
			this.#version = undefined;
			return true;
		}
		const read = rosterVersionSchema.safeParse(version);
		if (!read.success || !supersedes(read.data, this.#version)) return false;
		this.#version = read.data;
		return true;
	}

	/** The connection closed: the next one starts again, as a store may have restarted. */
	reset(): void {
		this.#version = undefined;
	}
}
