import { describe, expect, test } from 'vitest';
import { playbooksCli } from '../../server/playbooks-cli';
import { createSqlitePlaybookStore } from '../../server/playbooks/sqlite-playbook-store';
import { openSqlite } from '../../server/storage/sqlite';
import { languageName } from '../../src/lib/playbooks/locale';
import { playbookLanguages } from '../../src/lib/playbooks/localize';
import type { Playbook } from '../../src/lib/protocol/playbook';
import { loadRoomPage } from '../../src/lib/server/room-page';
import { load as loadPlaybookPage } from '../../src/routes/p/[id]/+page.server';
import { cleanupsAfterEach } from '../support/cleanups';
import { communityPlaybook } from '../support/seed-playbooks';
import { createRoom, startTestServer, tempDir } from '../support/server';

// Writing a playbook asks more than reading one (src/lib/protocol/playbook-rules.ts, writeRules):
// a playbook saved before a rule was added, and a room's copy of it, must keep reading, or its
// rooms answer 404 and the expiry sweep erases them (docs/protocol.md).

const cleanups = cleanupsAfterEach();

/**
 * Playbooks as an earlier release let them be saved, each with what writing now refuses, and the
 * names of their languages as their page shows them.
 */
function savedBefore(): { playbook: Playbook; languages: string[] }[] {
	const repeatedSubtag = communityPlaybook('repeated-subtag', 'Repeated subtag');
	repeatedSubtag.language = 'de-de-de';
	const extlang = communityPlaybook('extended-language', 'Extended language');
	extlang.translations = { 'zh-yue': { title: '粵語' } };
	const constructorPhase = communityPlaybook('constructor-phase', 'Constructor phase');
	constructorPhase.phases[0]!.id = 'constructor';
	return [
		{ playbook: repeatedSubtag, languages: ['de-de-de'] },
		{ playbook: extlang, languages: ['English', 'zh-yue'] },
		{ playbook: constructorPhase, languages: ['English'] }
	];
}

describe('playbooks stored before writing asked more', () => {
	test('their pages load and name their languages, and their rooms load, from the library and from their copy', async () => {
		const dataDir = tempDir();
		const db = openSqlite(dataDir);
		const store = createSqlitePlaybookStore(db);
		for (const { playbook } of savedBefore()) {
			await store.save({ playbook, createdAt: 1_000, deleteTokenHash: 'seeded' }, 100);
		}
		db.close();
		const server = await startTestServer({ dataDir });
		cleanups.push(() => server.close());

		for (const { playbook, languages } of savedBefore()) {
			// reason: the page's load reads only `params`; the rest of SvelteKit's event is not needed.
			const event = { params: { id: playbook.id } } as Parameters<typeof loadPlaybookPage>[0];
			const page = (await loadPlaybookPage(event)) as { playbook: Playbook };
			expect(page.playbook.title).toBe(playbook.title);
			// The page names its languages; a tag Intl cannot name shows as it is.
			expect(playbookLanguages(page.playbook).map(languageName)).toEqual(languages);

			const room = await createRoom(server.url, playbook.id);
			expect((await loadRoomPage(room.id, 'en')).playbook.title).toBe(playbook.title);
			const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
			expect((await playbooksCli(['delete', playbook.id], env)).code).toBe(0);
			// Gone from the library, the room plays its own copy.
			expect((await loadRoomPage(room.id, 'en')).playbook.title).toBe(playbook.title);
		}
	});
});
