import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { PairingStore } from '../../server/teams/pairing-store';
import type { TeamStore } from '../../server/teams/team-store';
import type { StoredCard, StoredPairing } from '../../src/lib/protocol/pairing';
import { card } from '../support/pairing-pool';
import { freshStore, type Opened } from './fresh-store';

/** The retention every store under contract is opened with. */
export const PAIRING_RETENTION_MS = 60 * 60 * 1000;

const stored = (name: string): StoredCard => ({
	cardId: `card-${name}-000000000000`,
	card: card({ name }),
	avoid: [],
	savedAt: 1
});
const limits = () => ({ maxCards: 2, now: Date.now() });
const roundOf = (members: string[]): StoredPairing => ({
	cadence: 'weekly',
	cadenceStart: 1,
	answeredDue: 1,
	rounds: [{ round: 1, madeAt: 1, unpaired: [], groups: [{ members, fits: {} }] }]
});

/** The behaviour every PairingStore must have (SQLite and Redis run this same suite). */
export function pairingStoreContract(
	name: string,
	open: (options: {
		retentionMs: number;
	}) => Promise<Opened<{ teams: TeamStore; pairing: PairingStore }>>
): void {
	describe(`PairingStore contract: ${name}`, () => {
		const stores = freshStore(() => open({ retentionMs: PAIRING_RETENTION_MS }));
		const newTeam = async (createdAt = Date.now()) => {
			const id = randomBytes(16).toString('base64url');
			await stores().teams.create({ id, name: 'Support', createdAt });
			return id;
		};
		const names = async (teamId: string) =>
			(await stores().pairing.cards(teamId)).map(({ card }) => card.card.name).sort();

		test('a member’s later card replaces their earlier one; cards stay in their space', async () => {
			const team = await newTeam();
			const other = await newTeam();
			expect(await stores().pairing.saveCard(team, 'm-a', stored('Ana'), limits())).toBe('saved');
			expect(await stores().pairing.saveCard(team, 'm-a', stored('Anna'), limits())).toBe('saved');
			expect(await names(team)).toEqual(['Anna']);
			expect(await stores().pairing.cards(other)).toEqual([]);
		});

		test('a new card past the most a space holds is refused; an edit is not', async () => {
			const team = await newTeam();
			await stores().pairing.saveCard(team, 'm-a', stored('Ana'), limits());
			await stores().pairing.saveCard(team, 'm-b', stored('Ben'), limits());
			expect(await stores().pairing.saveCard(team, 'm-c', stored('Cy'), limits())).toBe('full');
			expect(await stores().pairing.saveCard(team, 'm-b', stored('Bo'), limits())).toBe('saved');
			expect(await names(team)).toEqual(['Ana', 'Bo']);
		});

		test('an unknown space keeps no card and no pairing', async () => {
			const unknown = randomBytes(16).toString('base64url');
			expect(await stores().pairing.saveCard(unknown, 'm-a', stored('Ana'), limits())).toBe(
				'not-found'
			);
			expect(await stores().pairing.deleteCard(unknown, 'm-a', Date.now())).toBe(false);
			expect(await stores().pairing.setPairing(unknown, 0, roundOf([]), Date.now())).toBe(false);
			expect(await stores().pairing.cards(unknown)).toEqual([]);
		});

		test('the owner deletes their card', async () => {
			const team = await newTeam();
			await stores().pairing.saveCard(team, 'm-a', stored('Ana'), limits());
			expect(await stores().pairing.deleteCard(team, 'm-a', Date.now())).toBe(true);
			expect(await stores().pairing.cards(team)).toEqual([]);
		});

		test('the pairing record changes only from the version it was read at', async () => {
			const team = await newTeam();
			expect(await stores().pairing.pairing(team)).toEqual({
				version: 0,
				pairing: { cadence: 'none', rounds: [] }
			});
			const first = roundOf(['card-a-000000000000', 'card-b-000000000000']);
			expect(await stores().pairing.setPairing(team, 0, first, Date.now())).toBe(true);
			// A second press of Make pairs read version 0 too: it loses.
			expect(await stores().pairing.setPairing(team, 0, roundOf([]), Date.now())).toBe(false);
			expect(await stores().pairing.pairing(team)).toEqual({ version: 1, pairing: first });
			expect(await stores().pairing.setPairing(team, 1, roundOf([]), Date.now())).toBe(true);
			expect((await stores().pairing.pairing(team)).version).toBe(2);
		});

		test('a pairing write keeps the space alive', async () => {
			const createdAt = Date.now() - PAIRING_RETENTION_MS + 60_000;
			const team = await newTeam(createdAt);
			await stores().pairing.saveCard(team, 'm-a', stored('Ana'), limits());
			expect(await stores().teams.get(team, Date.now() + 120_000)).toBeDefined();
		});

		test('cards and pairing go with an expired space', async () => {
			const team = await newTeam(Date.now() - PAIRING_RETENTION_MS - 1000);
			// The space has expired: nothing more is saved in it.
			expect(await stores().pairing.saveCard(team, 'm-a', stored('Ana'), limits())).toBe(
				'not-found'
			);
			const live = await newTeam();
			await stores().pairing.saveCard(live, 'm-a', stored('Ana'), limits());
			await stores().pairing.setPairing(live, 0, roundOf([]), Date.now());
			const later = Date.now() + PAIRING_RETENTION_MS + 1000;
			await stores().teams.deleteExpired(later);
			await stores().pairing.deleteExpired(later);
			if (!(await stores().teams.get(live, later))) {
				expect(await stores().pairing.cards(live)).toEqual([]);
			}
		});
	});
}
