import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { createRoom } from '../support/server';
import { waitFor } from '../support/wait';
import { expect, test } from './fixtures';

async function synced(baseUrl: string, roomId: string) {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/yjs`, roomId, doc, {
		// reason: the provider wants a browser WebSocket constructor; ws implements that interface.
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	await waitFor(() => provider.synced, 'sync');
	return { doc, provider };
}

test('a crash with no browser open loses no edit older than one second', async ({ app }) => {
	const room = await createRoom(app.url);
	const writer = await synced(app.url, room.id);
	writer.doc.getText(NOTES_TEXT).insert(0, 'said before the crash');
	const madeAt = Date.now();
	writer.provider.destroy();
	// Wait out the one second the promise allows, then pull the plug without a shutdown.
	await waitFor(() => Date.now() - madeAt >= 1_000, 'one second to pass');
	await app.restart('SIGKILL');
	const reader = await synced(app.url, room.id);
	expect(reader.doc.getText(NOTES_TEXT).toString()).toBe('said before the crash');
	reader.provider.destroy();
});
