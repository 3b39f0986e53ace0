import type { Directory, ReportPageFailure } from '../../src/lib/server/handover';
import { log } from '../log';
import type { Metrics } from '../metrics';
import { ServiceUnavailable } from './failure';
import type { StorageGuard } from './storage-guard';

type PageMetrics = Pick<Metrics, 'error'>;

/** SvelteKit's failed pages: one JSON line each, counted as `page` errors. */
export function reportPageFailures(metrics: PageMetrics): ReportPageFailure {
	return ({ error, method, path, status }) => {
		log.pages.error({ method, path, status, err: error }, 'page failed');
		metrics.error('page');
	};
}

/**
 * The directory pages read, through the storage guard: with Redis down a page fails at once
 * with {@link ServiceUnavailable} (shown as a 503 page, src/lib/server/directory.ts), logged
 * and counted here, since SvelteKit does not report an expected error.
 */
export function guardedDirectory(
	directory: Directory,
	guard: StorageGuard,
	metrics: PageMetrics
): Directory {
	const guarded = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
		try {
			return await guard(work);
		} catch (error) {
			if (error instanceof ServiceUnavailable) {
				log.pages.error(
					{ read: what, dependency: error.dependency },
					'page failed: a backend is unavailable'
				);
				metrics.error('unavailable');
			}
			throw error;
		}
	};
	return {
		getRoom: (roomId) => guarded('room', () => directory.getRoom(roomId)),
		findPlaybook: (id) => guarded('playbook', () => directory.findPlaybook(id)),
		roomPlaybook: (room) => guarded('playbook', () => directory.roomPlaybook(room)),
		libraryPage: (filters, paging) =>
			guarded('playbooks', () => directory.libraryPage(filters, paging)),
		countPlaybooks: () => guarded('playbooks', () => directory.countPlaybooks()),
		teamExists: (teamId) => guarded('team', () => directory.teamExists(teamId)),
		communityPublishing: directory.communityPublishing
	};
}
