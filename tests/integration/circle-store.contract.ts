import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { CircleStore } from '../../server/teams/circle-store';
import type { TeamStore } from '../../server/teams/team-store';
import type { StoredCircleItem } from '../../src/lib/protocol/circle';
import { waitFor } from '../support/wait';
import { freshStore, type Opened } from './fresh-store';

/** The retention every store under contract is opened with. */
export const CIRCLE_RETENTION_MS = 60 * 60 * 1000;

const newId = () => randomBytes(16).toString('base64url');
const highlight = (id: string, text = 'Thanks, Ben'): StoredCircleItem => ({
	id,
	type: 'highlight',
	month: '2026-05',
	createdAt: 1,
	text,
	author: null
});
const limits = (maxItems = 3) => ({ maxItems, now: Date.now() });

/** A team store and a circle store over the same backend. */
export interface CircleStores {
	teams: TeamStore;
	circle: CircleStore;
}

/** The behaviour every CircleStore must have (SQLite and Redis run this same suite). */
export function circleStoreContract(
	name: string,
	open: (options: { retentionMs: number }) => Promise<Opened<CircleStores>>
): void {
	describe(`CircleStore contract: ${name}`, () => {
		const stores = freshStore(() => open({ retentionMs: CIRCLE_RETENTION_MS }));
		const circle = () => stores().circle;
		const newTeam = async (createdAt = Date.now()) => {
			const team = { id: newId(), name: 'Support', createdAt };
			await stores().teams.create(team);
			return team;
		};
		const textsOf = async (teamId: string) =>
			(await circle().items(teamId)).map((item) => ('text' in item ? item.text : item.type)).sort();

		test('[T20] an added item is listed with its team only', async () => {
			const team = await newTeam();
			const other = await newTeam();
			expect(await circle().add(team.id, 'owner-a', highlight('h1'), limits())).toBe('saved');
			expect(await circle().items(team.id)).toEqual([highlight('h1')]);
			expect(await circle().items(other.id)).toEqual([]);
		});

		test('[T20] an id already taken is refused and the first item kept', async () => {
			const team = await newTeam();
			await circle().add(team.id, 'owner-a', highlight('mark', 'first'), limits());
			expect(await circle().add(team.id, 'owner-b', highlight('mark', 'second'), limits())).toBe(
				'taken'
			);
			expect(await textsOf(team.id)).toEqual(['first']);
		});

		test('[T20] a team at its most items refuses another', async () => {
			const team = await newTeam();
			for (const id of ['a', 'b', 'c'])
				await circle().add(team.id, 'o', highlight(id, id), limits());
			expect(await circle().add(team.id, 'o', highlight('d', 'd'), limits())).toBe('full');
			expect(await textsOf(team.id)).toEqual(['a', 'b', 'c']);
		});

		test('[T20] adding to an unknown team changes nothing', async () => {
			const id = newId();
			expect(await circle().add(id, 'o', highlight('h'), limits())).toBe('not-found');
			expect(await circle().items(id)).toEqual([]);
			expect(await stores().teams.get(id, Date.now())).toBeUndefined();
		});

		test('[T22] only the owner removes an item; removing twice is harmless', async () => {
			const team = await newTeam();
			await circle().add(team.id, 'owner-a', highlight('h1'), limits());
			expect(await circle().remove(team.id, 'h1', 'owner-b', Date.now())).toBe(false);
			expect(await textsOf(team.id)).toEqual(['Thanks, Ben']);
			expect(await circle().remove(team.id, 'h1', 'owner-a', Date.now())).toBe(true);
			expect(await circle().items(team.id)).toEqual([]);
			expect(await circle().remove(team.id, 'h1', 'owner-a', Date.now())).toBe(false);
		});

		test('[T20] an addition is activity: it keeps the team past its first retention', async () => {
			const createdAt = Date.now() - CIRCLE_RETENTION_MS + 60_000;
			const team = await newTeam(createdAt);
			await circle().add(team.id, 'o', highlight('h'), limits());
			expect(await stores().teams.get(team.id, createdAt + CIRCLE_RETENTION_MS + 1)).toBeDefined();
		});

		test('[T25] a share keeps the circle as long as the team', async () => {
			// The circle's last write leaves it under two seconds to live; a share then renews the team.
			const lastWrite = Date.now() - CIRCLE_RETENTION_MS + 1_500;
			const team = await newTeam(lastWrite);
			await circle().add(team.id, 'o', highlight('h'), { maxItems: 3, now: lastWrite });
			const share = { sharedAt: 1, weeks: [] };
			expect(
				await stores().teams.share(team.id, 'm', share, { maxMembers: 3, now: Date.now() })
			).toBe('saved');
			await waitFor(
				() => Date.now() > lastWrite + CIRCLE_RETENTION_MS + 200,
				'the circle’s first expiry to pass'
			);
			expect(await stores().teams.get(team.id, Date.now())).toBeDefined();
			expect(await circle().items(team.id)).toHaveLength(1);
		});

		test('[T25] an expired team’s items are deleted with it', async () => {
			const team = await newTeam(Date.now() - CIRCLE_RETENTION_MS - 1_000);
			const live = await newTeam();
			await circle().add(live.id, 'o', highlight('h'), limits());
			await stores().teams.deleteExpired(Date.now());
			await circle().deleteExpired(Date.now());
			expect(await stores().teams.get(team.id, Date.now())).toBeUndefined();
			expect(await circle().items(team.id)).toEqual([]);
			expect(await circle().items(live.id)).toHaveLength(1);
		});
	});
}
