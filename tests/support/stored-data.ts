// The data the upgrade and backup tests store and look for again: the room's document through
// the stock y-websocket client, playbooks and teams through the HTTP API.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type * as Y from 'yjs';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { CONTROL_MAP, NOTES_TEXT } from '../../src/lib/protocol/control';
import { summarizePlaybook, type Playbook } from '../../src/lib/protocol/playbook';
import type { CreateTeamReply, TeamView } from '../../src/lib/protocol/team';
import type { Cleanups } from './cleanups';
import { connectSynced } from './clients';
import { createRoom } from './server';

/** The room's document as a client sees it after syncing; closed by `cleanups`. */
export async function syncedRoomDoc(
	url: string,
	roomId: string,
	cleanups: Cleanups
): Promise<Y.Doc> {
	const { doc, provider } = await connectSynced(url, roomId);
	cleanups.push(() => provider.destroy());
	return doc;
}

/** The room's shared notes and its control map's schema version, as a client reads them. */
export async function roomAsSeen(url: string, roomId: string, cleanups: Cleanups) {
	const doc = await syncedRoomDoc(url, roomId, cleanups);
	return {
		notes: doc.getText(NOTES_TEXT).toString(),
		schemaVersion: doc.getMap(CONTROL_MAP).get('schemaVersion')
	};
}

/** The playbook as the API serves it, and the library listing it with its summary. */
export async function expectPlaybookServed(url: string, playbook: Playbook): Promise<void> {
	const response = await fetch(`${url}/api/playbooks/${playbook.id}`);
	expect(response.status).toBe(200);
	expect(await response.json()).toEqual(playbook);
	const list = (await (await fetch(`${url}/api/playbooks`)).json()) as { id: string }[];
	expect(list.find((summary) => summary.id === playbook.id)).toEqual(
		summarizePlaybook(playbook, true)
	);
}

/** The team's view: how many members share, and the figures once enough do. */
export async function teamView(url: string, teamId: string): Promise<TeamView> {
	const response = await fetch(`${url}/api/teams/${teamId}`);
	expect(response.status).toBe(200);
	return (await response.json()) as TeamView;
}

const post = (url: string, body: unknown) =>
	fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});

/** What `storeSampleData` stored through a running server. */
export interface SampleData {
	roomId: string;
	/** The room's shared notes, typed by a client. */
	notes: string;
	/** A saved playbook, as the API serves it. */
	playbook: Playbook;
	/** A team with three members' shares: enough for its figures to show. */
	teamId: string;
}

/**
 * Stores a room with notes, a saved playbook and a team with three shares through the running
 * server at `url`, as people would. The notes reach the store within STORE_WITHIN_MS: wait for
 * them before copying the store.
 */
export async function storeSampleData(url: string, cleanups: Cleanups): Promise<SampleData> {
	const room = await createRoom(url);
	const doc = await syncedRoomDoc(url, room.id, cleanups);
	const notes = `backed-up notes ${room.id}`;
	doc.getText(NOTES_TEXT).insert(0, notes);
	const builtIn = findBuiltInPlaybook('five-minute-win');
	const saved = await post(`${url}/api/playbooks`, { ...builtIn, title: 'Backed up' });
	expect(saved.status).toBe(201);
	const { id: playbookId } = (await saved.json()) as { id: string };
	const playbook = (await (await fetch(`${url}/api/playbooks/${playbookId}`)).json()) as Playbook;
	const team = (await (await post(`${url}/api/teams`, { name: 'Ops' })).json()) as CreateTeamReply;
	for (const key of [1, 2, 3].map(() => randomBytes(16).toString('base64url'))) {
		const weeks = [{ week: '2026-03-02', sessions: 2, minutes: 50, skills: {} }];
		expect(
			(await post(`${url}/api/teams/${team.id}/share`, { memberKey: key, weeks })).status
		).toBe(200);
	}
	return { roomId: room.id, notes, playbook, teamId: team.id };
}

/** The server at `url` serves everything `storeSampleData` stored. */
export async function expectSampleData(
	url: string,
	data: SampleData,
	cleanups: Cleanups
): Promise<void> {
	expect((await roomAsSeen(url, data.roomId, cleanups)).notes).toBe(data.notes);
	await expectPlaybookServed(url, data.playbook);
	expect(await teamView(url, data.teamId)).toMatchObject({
		visible: true,
		sharing: 3,
		figures: { totals: { sessions: 6, minutes: 150 } }
	});
}
