import { log } from '../log';
import type { TeamStore } from './team-store';

/**
 * Deletes expired teams on a timer that does not keep the process alive, once at start too (for
 * teams that expired while the server was down). Answers how to stop it.
 */
export function startTeamSweeper(options: {
	teams: Pick<TeamStore, 'deleteExpired'>;
	everyMs: number;
	now(): number;
}): {
	stop(): Promise<void>;
} {
	let running: Promise<unknown> = Promise.resolve();
	const sweep = () => {
		running = options.teams.deleteExpired(options.now()).then(
			(deleted) => {
				if (deleted > 0) log.teams.info({ teams: deleted }, 'expired teams deleted');
			},
			(error: unknown) => log.teams.error({ err: error }, 'sweeping expired teams failed')
		);
	};
	sweep();
	const timer = setInterval(sweep, options.everyMs);
	timer.unref();
	return {
		async stop() {
			clearInterval(timer);
			await running;
		}
	};
}
