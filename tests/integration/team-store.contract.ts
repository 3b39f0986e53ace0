import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { TeamStore } from '../../server/teams/team-store';
import type { StoredShare } from '../../src/lib/protocol/team';
import { waitFor } from '../support/wait';
import { freshStore, type Opened } from './fresh-store';

/** The retention every store under contract is opened with. */
export const TEAM_RETENTION_MS = 60 * 60 * 1000;

const teamId = () => randomBytes(16).toString('base64url');
const share = (sessions: number): StoredShare => ({
	sharedAt: 1,
	weeks: [{ week: '2026-03-02', sessions, minutes: 10 * sessions, skills: { listening: sessions } }]
});
/** Three members at most, judged now (not when the file was loaded: a slow run moves on). */
const limits = () => ({ maxMembers: 3, now: Date.now() });

/** The behaviour every TeamStore must have (SQLite and Redis run this same suite). */
export function teamStoreContract(
	name: string,
	open: (options: { retentionMs: number }) => Promise<Opened<TeamStore>>
): void {
	describe(`TeamStore contract: ${name}`, () => {
		const store = freshStore(() => open({ retentionMs: TEAM_RETENTION_MS }));
		const newTeam = async (createdAt = Date.now()) => {
			const team = { id: teamId(), name: 'Support', createdAt };
			await store().create(team);
			return team;
		};
		const sessionsOf = async (id: string) =>
			(await store().shares(id)).map((s) => s.weeks[0]?.sessions).sort();

		test('a created team is found by its id; an unknown id is not', async () => {
			const team = await newTeam();
			expect(await store().get(team.id, Date.now())).toEqual(team);
			expect(await store().get(teamId(), Date.now())).toBeUndefined();
		});

		test('creating an id twice fails and keeps the first', async () => {
			const team = await newTeam();
			await expect(store().create({ ...team, name: 'Other' })).rejects.toThrow();
			expect((await store().get(team.id, Date.now()))?.name).toBe('Support');
		});

		test('[T3] a member’s later share replaces their earlier one', async () => {
			const team = await newTeam();
			expect(await store().share(team.id, 'member-a', share(1), limits())).toBe('saved');
			expect(await store().share(team.id, 'member-b', share(2), limits())).toBe('saved');
			expect(await store().share(team.id, 'member-a', share(5), limits())).toBe('saved');
			expect(await sessionsOf(team.id)).toEqual([2, 5]);
		});

		test('shares stay in their own team', async () => {
			const team = await newTeam();
			const other = await newTeam();
			await store().share(team.id, 'member-a', share(1), limits());
			expect(await store().shares(other.id)).toEqual([]);
		});

		test('[T3] a new member is refused once the team has its most members; a member may still update', async () => {
			const team = await newTeam();
			for (const member of ['a', 'b', 'c']) {
				await store().share(team.id, member, share(1), limits());
			}
			expect(await store().share(team.id, 'd', share(9), limits())).toBe('team-full');
			expect(await store().share(team.id, 'c', share(3), limits())).toBe('saved');
			expect(await sessionsOf(team.id)).toEqual([1, 1, 3]);
		});

		test('sharing with or withdrawing from an unknown team changes nothing', async () => {
			const id = teamId();
			expect(await store().share(id, 'a', share(1), limits())).toBe('not-found');
			expect(await store().withdraw(id, 'a', Date.now())).toBe(false);
			expect(await store().shares(id)).toEqual([]);
			expect(await store().get(id, Date.now())).toBeUndefined();
		});

		test('[T4] a withdrawn share is gone and frees its place; withdrawing twice is harmless', async () => {
			const team = await newTeam();
			await store().share(team.id, 'a', share(1), limits());
			await store().share(team.id, 'b', share(2), limits());
			expect(await store().withdraw(team.id, 'a', Date.now())).toBe(true);
			expect(await store().withdraw(team.id, 'a', Date.now())).toBe(true);
			expect(await sessionsOf(team.id)).toEqual([2]);
		});

		test('[T5] a team without activity for the retention period is gone with its shares', async () => {
			const team = await newTeam(Date.now() - TEAM_RETENTION_MS - 1_000);
			expect(await store().get(team.id, Date.now())).toBeUndefined();
			expect(await store().share(team.id, 'a', share(1), limits())).toBe('not-found');
			await store().deleteExpired(Date.now());
			expect(await store().shares(team.id)).toEqual([]);
		});

		test('[T5] a share is activity: it keeps a team that would otherwise expire', async () => {
			// Both teams expire in 300 ms unless something happens; only one is shared with.
			const createdAt = Date.now() - TEAM_RETENTION_MS + 300;
			const idle = await newTeam(createdAt);
			const shared = await newTeam(createdAt);
			await store().share(shared.id, 'a', share(1), { maxMembers: 3, now: Date.now() });
			await waitFor(
				async () => (await store().get(idle.id, Date.now())) === undefined,
				'the idle team to expire'
			);
			await store().deleteExpired(Date.now());
			expect(await store().get(shared.id, Date.now())).toEqual(shared);
			expect(await sessionsOf(shared.id)).toEqual([1]);
		});

		test('sweeping deletes expired teams only', async () => {
			const kept = await newTeam();
			await store().share(kept.id, 'a', share(1), limits());
			await store().deleteExpired(Date.now());
			expect(await store().get(kept.id, Date.now())).toEqual(kept);
			expect(await sessionsOf(kept.id)).toEqual([1]);
		});
	});
}
