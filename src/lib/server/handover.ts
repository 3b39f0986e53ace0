import type { LibraryFilters } from '../playbooks/filters';
import type { LibraryPage } from '../playbooks/library-page';
import type { RoomMeta } from '../protocol/http';
import type { Playbook } from '../protocol/playbook';

/**
 * The composition root (server/) and SvelteKit's bundle are separate module graphs in one
 * process, so what the server hands SvelteKit goes through well-known global symbols. This
 * module imports nothing of SvelteKit: the server's bundle imports it.
 */

/** What SvelteKit's pages need from the realtime server: rooms, playbooks and team spaces. */
export interface Directory {
	getRoom(roomId: string): Promise<RoomMeta | undefined>;
	findPlaybook(id: string): Promise<Playbook | undefined>;
	/** The playbook a room plays, even once it has left the library (RoomRegistry.playbookOf). */
	roomPlaybook(room: RoomMeta): Promise<Playbook | undefined>;
	/** A page of the library matching `filters` (never the whole of a large library). */
	libraryPage(
		filters: LibraryFilters,
		paging: { offset: number; limit: number }
	): Promise<LibraryPage>;
	/** How many playbooks the library lists, built-in and community. */
	countPlaybooks(): Promise<number>;
	/** Whether a team link's id names a team space now (not malformed, unknown or expired). */
	teamExists(teamId: string): Promise<boolean>;
	/** Whether people may save community playbooks here (COMMUNITY_PLAYBOOKS). */
	communityPublishing: boolean;
}

/** A page that failed to load or render, as SvelteKit's handleError saw it. */
export interface PageFailure {
	error: unknown;
	method: string;
	/** The path only: a query may carry a token (a projector link's). */
	path: string;
	status: number;
}

/** Logs a failed page as one JSON line and counts it, with the server's logger and metrics. */
export type ReportPageFailure = (failure: PageFailure) => void;

/**
 * The name of the error a directory call fails with when storage cannot be reached (Redis down,
 * or not answering in time): pages answer 503 for it. Matched by name, since the server's
 * error class is another module graph's.
 */
export const UNAVAILABLE_ERROR_NAME = 'ServiceUnavailable';

/**
 * The name of the error a library page fails with when too many searches are waiting already
 * (server/playbooks/scan-slots.ts): pages answer 503 for it, like the API.
 */
export const LIBRARY_BUSY_ERROR_NAME = 'LibraryBusy';

const DIRECTORY = Symbol.for('practice-room.directory');
const REPORT_PAGE_FAILURE = Symbol.for('practice-room.report-page-failure');
type Holder = { [DIRECTORY]?: Directory; [REPORT_PAGE_FAILURE]?: ReportPageFailure };
const holder = globalThis as Holder;

export function provideDirectory(directory: Directory): void {
	holder[DIRECTORY] = directory;
}

export function providedDirectory(): Directory | undefined {
	return holder[DIRECTORY];
}

export function provideReportPageFailure(report: ReportPageFailure): void {
	holder[REPORT_PAGE_FAILURE] = report;
}

export function providedReportPageFailure(): ReportPageFailure | undefined {
	return holder[REPORT_PAGE_FAILURE];
}
