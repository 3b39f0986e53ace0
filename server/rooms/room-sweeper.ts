import { log } from '../log';
import type { RoomMetrics } from '../metrics';
import type { PresenceStore } from '../presence/presence-store';
import type { RoomRegistry } from './room-registry';

export interface RoomSweeperOptions {
	rooms: RoomRegistry;
	presence: PresenceStore;
	/** How long a room is kept after its last activity, in ms (`ROOM_RETENTION_DAYS`). */
	retentionMs: number;
	/** How often to look for expired rooms, in ms. */
	everyMs: number;
	/** Server wall-clock time in ms. */
	now(): number;
	/** Counts failed sweeps. */
	metrics?: RoomMetrics;
}

export interface RoomSweeper {
	/** Deletes the rooms expired by now; answers their ids. Sweeps never overlap. */
	sweep(): Promise<string[]>;
	/** Sweeps without waiting for it; a failure is logged and counted. */
	sweepInBackground(): void;
	/** Stops sweeping and waits for a sweep under way. */
	stop(): Promise<void>;
}

/**
 * Deletes rooms nobody has used for the retention period, with their presence, on a timer that
 * does not keep the process alive. Each sweep first restarts the retention of the rooms in memory
 * (in use), then deletes the expired rooms the store lists. With Redis the store lists none,
 * since Redis expires a room's keys by itself: a sweep then only refreshes the rooms in use.
 */
export function startRoomSweeper(options: RoomSweeperOptions): RoomSweeper {
	let running: Promise<string[]> | undefined;

	async function sweepOnce(): Promise<string[]> {
		await options.rooms.touchLoaded();
		const deleted = await options.rooms.deleteExpired(options.now() - options.retentionMs);
		for (const roomId of deleted) await options.presence.deleteRoom(roomId);
		return deleted;
	}

	function sweep(): Promise<string[]> {
		running ??= sweepOnce().finally(() => (running = undefined));
		return running;
	}

	function sweepInBackground(): void {
		sweep().then(
			(deleted) => {
				if (deleted.length > 0) log.rooms.info({ rooms: deleted.length }, 'expired rooms deleted');
			},
			(error: unknown) => {
				log.rooms.error({ err: error }, 'sweeping expired rooms failed');
				options.metrics?.error('storage');
			}
		);
	}

	const timer = setInterval(sweepInBackground, options.everyMs);
	timer.unref();

	return {
		sweep,
		sweepInBackground,
		async stop() {
			clearInterval(timer);
			await running?.catch(() => undefined);
		}
	};
}
