// Data as release 6cdb000 stored it, the last release before schema versions: the upgrade and
// backup tests start the current server on it. The tables are frozen copies of that release's
// (server/storage/sqlite.ts and server/teams/sqlite-team-store.ts at 6cdb000), and every record
// is written in its format: no `user_version`, bare playbook bodies, room documents without a
// `schemaVersion`, no Redis version key. Only pure code that has not changed since (the initial
// control state less the keys added since, the sealed secrets) comes from today's tree.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { CONTROL_MAP, NOTES_TEXT } from '../../src/lib/protocol/control';
import type { Playbook } from '../../src/lib/protocol/playbook';
import type { StoredShare } from '../../src/lib/protocol/team';
import { initialControlState } from '../../src/lib/room/control';
import { newLinkId } from '../../server/http/link-id';
import type { RedisClient } from '../../server/redis/connect';
import { PLAYBOOK_KEYS } from '../../server/redis/keys';
import { newSecret } from '../../server/rooms/room-secrets';
import { initialSealedUpdate } from '../../server/rooms/sealed-values';
import { RedisSubscriber } from '../../server/redis/subscriber';
import { sealedDocId } from '../../server/storage/document-log';
import { createRedisDocumentLog } from '../../server/storage/redis-document-log';
import { createRedisRoomStore } from '../../server/storage/redis-room-store';
import { createRedisTeamStore } from '../../server/teams/redis-team-store';

const SCHEMA_6CDB000 = `
	PRAGMA journal_mode = WAL;
	CREATE TABLE rooms (
		id TEXT PRIMARY KEY,
		playbook_id TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		last_active_at INTEGER NOT NULL
	);
	CREATE TABLE doc_snapshots (room_id TEXT PRIMARY KEY, data BLOB NOT NULL);
	CREATE TABLE doc_updates (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		room_id TEXT NOT NULL,
		data BLOB NOT NULL
	);
	CREATE INDEX doc_updates_by_room ON doc_updates (room_id, seq);
	CREATE TABLE playbooks (id TEXT PRIMARY KEY, body TEXT NOT NULL, created_at INTEGER NOT NULL);
	CREATE INDEX rooms_by_last_active ON rooms (last_active_at);
	CREATE TABLE teams (
		id TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		last_active_at INTEGER NOT NULL
	);
	CREATE INDEX teams_by_last_active ON teams (last_active_at);
	CREATE TABLE team_shares (
		team_id TEXT NOT NULL,
		member TEXT NOT NULL,
		body TEXT NOT NULL,
		PRIMARY KEY (team_id, member)
	);
`;

/** What the previous release's data holds, to look for after the upgrade. */
export interface PreviousReleaseData {
	roomId: string;
	/** The room's shared notes. */
	notes: string;
	/** A community playbook, stored bare. */
	playbook: Playbook;
	teamId: string;
	/** Three members' shares: enough for the team's figures to show. */
	shares: StoredShare[];
}

/** A room, a community playbook and a team with three shares, made up for one data set. */
function previousReleaseData(now: number): PreviousReleaseData {
	const builtIn = findBuiltInPlaybook('five-minute-win');
	if (!builtIn) throw new Error('the built-in playbook is missing');
	const week = (sessions: number) => ({ week: '2026-03-02', sessions, minutes: sessions * 25 });
	return {
		roomId: newLinkId(),
		notes: `notes written before the upgrade ${newSecret()}`,
		playbook: { ...builtIn, id: `kept-across-upgrades-${now}`, title: 'Kept across upgrades' },
		teamId: newLinkId(),
		shares: [1, 2, 3].map((sessions) => ({
			weeks: [{ ...week(sessions), skills: { listening: sessions } }],
			sharedAt: now
		}))
	};
}

/** Control keys today's initial state has and that release's had not (issue 19.2, 19.3). */
const ADDED_SINCE = ['movedBy', 'speakers'];

/**
 * The room document as that release stored it: the server's control map (no `schemaVersion`),
 * then a client's notes, as two updates by two writers.
 */
function roomUpdates(data: PreviousReleaseData): Uint8Array[] {
	const server = new Y.Doc();
	const control = server.getMap(CONTROL_MAP);
	server.transact(() => {
		for (const [key, value] of Object.entries(initialControlState(data.playbook))) {
			if (!ADDED_SINCE.includes(key)) control.set(key, value);
		}
	});
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	const before = Y.encodeStateVector(client);
	client.getText(NOTES_TEXT).insert(0, data.notes);
	return [Y.encodeStateAsUpdate(server), Y.encodeStateAsUpdate(client, before)];
}

/** Writes a data directory as release 6cdb000 left it; answers what it holds. */
export function writePreviousReleaseDataDir(
	dataDir: string,
	now = Date.now()
): PreviousReleaseData {
	const data = previousReleaseData(now);
	const db = new DatabaseSync(join(dataDir, 'practice-room.sqlite'));
	db.exec(SCHEMA_6CDB000);
	const [snapshot, notes] = roomUpdates(data);
	db.prepare('INSERT INTO rooms VALUES (?, ?, ?, ?)').run(data.roomId, data.playbook.id, now, now);
	db.prepare('INSERT INTO doc_snapshots VALUES (?, ?)').run(data.roomId, snapshot ?? null);
	const insertUpdate = db.prepare('INSERT INTO doc_updates (room_id, data) VALUES (?, ?)');
	insertUpdate.run(data.roomId, notes ?? null);
	insertUpdate.run(sealedDocId(data.roomId), initialSealedUpdate(newSecret()));
	db.prepare('INSERT INTO playbooks VALUES (?, ?, ?)').run(
		data.playbook.id,
		JSON.stringify(data.playbook),
		now
	);
	db.prepare('INSERT INTO teams VALUES (?, ?, ?, ?)').run(data.teamId, 'Support', now, now);
	data.shares.forEach((share, index) => {
		db.prepare('INSERT INTO team_shares VALUES (?, ?, ?)').run(
			data.teamId,
			`member-${index}`,
			JSON.stringify(share)
		);
	});
	db.close();
	return data;
}

/**
 * Writes the same kind of data into Redis as release 6cdb000 did. The room and team keys have
 * not changed since, so today's stores write them; the playbook is stored bare, by hand.
 */
export async function writePreviousReleaseRedis(
	client: RedisClient,
	now = Date.now()
): Promise<PreviousReleaseData> {
	const data = previousReleaseData(now);
	const retentionMs = 24 * 60 * 60 * 1000;
	const [snapshot, notes] = roomUpdates(data);
	if (!snapshot || !notes) throw new Error('the room has two updates');
	await createRedisRoomStore(client, { retentionMs }).createRoom(
		{ id: data.roomId, playbookId: data.playbook.id, createdAt: now },
		snapshot
	);
	const feeds = await RedisSubscriber.connect(client);
	const log = createRedisDocumentLog(client, feeds, {
		retentionMs,
		instanceId: 'previous-release'
	});
	await log.append(data.roomId, notes);
	await log.append(sealedDocId(data.roomId), initialSealedUpdate(newSecret()));
	await log.close();
	feeds.close();
	await client.hSet(PLAYBOOK_KEYS.bodies, data.playbook.id, JSON.stringify(data.playbook));
	await client.zAdd('pr:playbooks:by-time', { score: now, value: data.playbook.id });
	const teams = createRedisTeamStore(client, { retentionMs });
	await teams.create({ id: data.teamId, name: 'Support', createdAt: now });
	for (const [index, share] of data.shares.entries()) {
		await teams.share(data.teamId, `member-${index}`, share, { maxMembers: 50, now });
	}
	return data;
}
