import { log } from '../log';
import type { CircleStore } from './circle-store';
import type { TeamStore } from './team-store';

/**
 * Deletes expired teams on a timer that does not keep the process alive, once at start too (for
 * teams that expired while the server was down). Answers how to stop it.
 */
export function startTeamSweeper(options: {
	teams: Pick<TeamStore, 'deleteExpired'>;
	/** The teams' circles: items of a team gone or expired are deleted after the teams. */
	circle?: Pick<CircleStore, 'deleteExpired'>;
	everyMs: number;
	now(): number;
}): {
	stop(): Promise<void>;
} {
	let running: Promise<unknown> = Promise.resolve();
	const sweep = () => {
		const now = options.now();
		running = options.teams
			.deleteExpired(now)
			.then(async (deleted) => {
				if (deleted > 0) log.teams.info({ teams: deleted }, 'expired teams deleted');
				const items = (await options.circle?.deleteExpired(now)) ?? 0;
				if (items > 0) log.teams.info({ items }, 'circle items of expired teams deleted');
			})
			.then(
				() => {},
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
