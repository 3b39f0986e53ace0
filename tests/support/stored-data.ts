// What a running server answers about the data the upgrade and backup tests stored before:
// the room's document through the stock y-websocket client, playbooks and teams through the
// HTTP API.
import { expect } from 'vitest';
import type * as Y from 'yjs';
import { CONTROL_MAP, NOTES_TEXT } from '../../src/lib/protocol/control';
import type { Playbook } from '../../src/lib/protocol/playbook';
import type { TeamView } from '../../src/lib/protocol/team';
import type { Cleanups } from './cleanups';
import { connectSynced } from './clients';

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

/** The playbook as the API serves it, and whether the library lists it. */
export async function expectPlaybookServed(url: string, playbook: Playbook): Promise<void> {
	const response = await fetch(`${url}/api/playbooks/${playbook.id}`);
	expect(response.status).toBe(200);
	expect(await response.json()).toEqual(playbook);
	const list = (await (await fetch(`${url}/api/playbooks`)).json()) as { id: string }[];
	expect(list.map((summary) => summary.id)).toContain(playbook.id);
}

/** The team's view: how many members share, and the figures once enough do. */
export async function teamView(url: string, teamId: string): Promise<TeamView> {
	const response = await fetch(`${url}/api/teams/${teamId}`);
	expect(response.status).toBe(200);
	return (await response.json()) as TeamView;
}
