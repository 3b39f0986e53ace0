import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../storage/sqlite';
import {
	mayReplace,
	readStoredPush,
	storedOutcome,
	storedPushText,
	type PushAddOutcome,
	type PushLimits,
	type PushRefusal,
	type PushStore,
	type StoredPush
} from './push-store';

const refused = (reason: PushRefusal): PushAddOutcome => ({ type: 'refused', reason });

/**
 * Subscriptions in the embedded database, in `push_subscriptions` beside `rooms` (migration 8);
 * the room store deletes a room's rows with the room.
 */
export function createSqlitePushStore(db: DatabaseSync): PushStore {
	const selectRoom = db.prepare('SELECT 1 FROM rooms WHERE id = ?');
	const countRoom = db.prepare(
		'SELECT COUNT(*) AS n FROM push_subscriptions WHERE room_id = ? AND endpoint != ?'
	);
	const countPerson = db.prepare(
		'SELECT COUNT(*) AS n FROM push_subscriptions WHERE room_id = ? AND participant_id = ? AND endpoint != ?'
	);
	const selectEndpoint = db.prepare(
		'SELECT participant_id, body FROM push_subscriptions WHERE room_id = ? AND endpoint = ?'
	);
	const upsert = db.prepare(
		`INSERT INTO push_subscriptions (room_id, endpoint, participant_id, body) VALUES (?, ?, ?, ?)
		 ON CONFLICT (room_id, endpoint) DO UPDATE SET participant_id = excluded.participant_id, body = excluded.body`
	);
	const deleteOwn = db.prepare(
		'DELETE FROM push_subscriptions WHERE room_id = ? AND participant_id = ? AND endpoint = ?'
	);
	const deleteEndpoint = db.prepare(
		'DELETE FROM push_subscriptions WHERE room_id = ? AND endpoint = ?'
	);
	const selectRoomPushes = db.prepare(
		'SELECT participant_id, body FROM push_subscriptions WHERE room_id = ?'
	);
	/** The limit storing `push` would pass; whatever is at its endpoint now counts for nobody. */
	const limitPassed = (
		roomId: string,
		push: StoredPush,
		limits: PushLimits
	): 'room-full' | 'person-full' | undefined => {
		if (Number(countRoom.get(roomId, push.endpoint)?.n) >= limits.perRoom) return 'room-full';
		const own = countPerson.get(roomId, push.participantId, push.endpoint)?.n;
		return Number(own) >= limits.perPerson ? 'person-full' : undefined;
	};
	return {
		async add(roomId, push, limits) {
			return inTransaction(db, () => {
				if (selectRoom.get(roomId) === undefined) return refused('no-room');
				const row = selectEndpoint.get(roomId, push.endpoint);
				const stored = row && readStoredPush(String(row.body));
				if (stored && !mayReplace(stored, push)) return refused('not-yours');
				const full = limitPassed(roomId, push, limits);
				if (full) return refused(full);
				upsert.run(roomId, push.endpoint, push.participantId, storedPushText(push));
				return storedOutcome(stored, push);
			});
		},
		async handBack(roomId, taken, previous, limits) {
			return inTransaction(db, () => {
				if (selectRoom.get(roomId) === undefined) return false;
				const row = selectEndpoint.get(roomId, previous.endpoint);
				if (row && String(row.body) !== storedPushText(taken)) return false;
				if (limitPassed(roomId, previous, limits)) {
					// The takeover failed all the same: its taker may be the one removed.
					deleteEndpoint.run(roomId, previous.endpoint);
					return false;
				}
				upsert.run(roomId, previous.endpoint, previous.participantId, storedPushText(previous));
				return true;
			});
		},
		async remove(roomId, participantId, endpoint) {
			return deleteOwn.run(roomId, participantId, endpoint).changes > 0;
		},
		async removeEndpoint(roomId, endpoint) {
			deleteEndpoint.run(roomId, endpoint);
		},
		async ofPeople(roomId, participantIds) {
			const wanted = new Set(participantIds);
			return selectRoomPushes
				.all(roomId)
				.filter((row) => wanted.has(String(row.participant_id)))
				.map((row) => readStoredPush(String(row.body)))
				.filter((push): push is StoredPush => push !== undefined);
		}
	};
}
