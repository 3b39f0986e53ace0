import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { connectSynced } from '../support/clients';
import { createRoom } from '../support/server';
import { waitFor } from '../support/wait';
import { expect, test } from './fixtures';

test('a crash with no browser open loses no edit older than one second', async ({ app }) => {
	const room = await createRoom(app.url);
	const writer = await connectSynced(app.url, room.id);
	writer.doc.getText(NOTES_TEXT).insert(0, 'said before the crash');
	const madeAt = Date.now();
	writer.provider.destroy();
	// The promise is about edits older than one second: let one pass, then pull the plug
	// without a shutdown.
	await waitFor(() => Date.now() - madeAt >= 1_000, 'one second to pass');
	await app.restart('SIGKILL');
	const reader = await connectSynced(app.url, room.id);
	expect(reader.doc.getText(NOTES_TEXT).toString()).toBe('said before the crash');
	reader.provider.destroy();
});
