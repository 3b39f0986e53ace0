import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type {
	PushAddOutcome,
	PushRefusal,
	PushStore,
	StoredPush
} from '../../server/push/push-store';
import type { RoomStore } from '../../server/storage/room-store';
import { freshStore, type Opened } from './fresh-store';

/** A push store and the room store of the same backend. */
export interface PushStores {
	rooms: RoomStore;
	push: PushStore;
}

const newId = () => randomBytes(16).toString('base64url');
const KEYS = { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) };
const OTHER_KEYS = { p256dh: `B${'C'.repeat(86)}`, auth: 'C'.repeat(22) };
const push = (participantId: string, endpoint = `https://push.example/${newId()}`): StoredPush => ({
	participantId,
	locale: 'de',
	endpoint,
	keys: KEYS
});
const LIMITS = { perPerson: 2, perRoom: 3 };
const ADDED: PushAddOutcome = { type: 'added' };
const RENEWED: PushAddOutcome = { type: 'renewed' };
const refused = (reason: PushRefusal): PushAddOutcome => ({ type: 'refused', reason });

/** The behaviour every PushStore must have (SQLite and Redis run this same suite). */
export function pushStoreContract(name: string, open: () => Promise<Opened<PushStores>>): void {
	describe(`PushStore contract: ${name}`, () => {
		const stores = freshStore(open);
		const newRoom = async () => {
			const id = newId();
			await stores().rooms.createRoom(
				{ id, playbookId: 'active-listening-sprint', createdAt: Date.now() },
				new Uint8Array([0, 0])
			);
			return id;
		};
		/** Ana's subscription, and Ben's that took it over in her browser (W2), stored in `room`. */
		const benTakesOverAnas = async (room: string) => {
			const ana = push('ana-0001');
			const ben = push('ben-0001', ana.endpoint);
			await stores().push.add(room, ana, LIMITS);
			await stores().push.add(room, ben, LIMITS);
			return { ana, ben };
		};

		test('[W1] a subscription is stored with its person and language, and found by person', async () => {
			const room = await newRoom();
			const ana = push('ana-0001');
			expect(await stores().push.add(room, ana, LIMITS)).toEqual(ADDED);
			expect(await stores().push.add(room, push('ben-0001'), LIMITS)).toEqual(ADDED);
			expect(await stores().push.ofPeople(room, ['ana-0001'])).toEqual([ana]);
			expect(await stores().push.ofPeople(room, ['cleo-0001'])).toEqual([]);
		});

		test('[W1] a room that does not exist keeps nothing', async () => {
			const room = newId();
			expect(await stores().push.add(room, push('ana-0001'), LIMITS)).toEqual(refused('no-room'));
			expect(await stores().push.ofPeople(room, ['ana-0001'])).toEqual([]);
		});

		test('[W1] the same browser subscribed again, with its own keys, replaces the earlier one, whoever it was for, and says whose it was', async () => {
			const room = await newRoom();
			const endpoint = 'https://push.example/one-browser';
			const ana = push('ana-0001', endpoint);
			await stores().push.add(room, ana, LIMITS);
			const ben = { ...push('ben-0001', endpoint), locale: 'es' as const };
			expect(await stores().push.add(room, ben, LIMITS)).toEqual({
				type: 'took-over',
				previous: ana
			});
			expect(await stores().push.ofPeople(room, ['ana-0001', 'ben-0001'])).toEqual([ben]);
		});

		test('[W2] someone who knows only another person’s endpoint cannot take it over', async () => {
			const room = await newRoom();
			const endpoint = 'https://push.example/anas-browser';
			const ana = push('ana-0001', endpoint);
			await stores().push.add(room, ana, LIMITS);
			for (const keys of [
				OTHER_KEYS,
				{ ...KEYS, auth: OTHER_KEYS.auth },
				{ ...KEYS, p256dh: OTHER_KEYS.p256dh }
			]) {
				const ben = { ...push('ben-0001', endpoint), keys };
				expect(await stores().push.add(room, ben, LIMITS)).toEqual(refused('not-yours'));
			}
			expect(await stores().push.ofPeople(room, ['ana-0001', 'ben-0001'])).toEqual([ana]);
			// Ana renews her own with new keys, as after a pushsubscriptionchange.
			const renewed = { ...ana, keys: OTHER_KEYS };
			expect(await stores().push.add(room, renewed, LIMITS)).toEqual(RENEWED);
			expect(await stores().push.ofPeople(room, ['ana-0001'])).toEqual([renewed]);
		});

		test('[W2] a person and a room have at most their limit of subscriptions', async () => {
			const room = await newRoom();
			const first = push('ana-0001');
			await stores().push.add(room, first, LIMITS);
			await stores().push.add(room, push('ana-0001'), LIMITS);
			expect(await stores().push.add(room, push('ana-0001'), LIMITS)).toEqual(
				refused('person-full')
			);
			// Renewing one already there is no new one.
			expect(await stores().push.add(room, { ...first, locale: 'en' }, LIMITS)).toEqual(RENEWED);
			await stores().push.add(room, push('ben-0001'), LIMITS);
			expect(await stores().push.add(room, push('cleo-0001'), LIMITS)).toEqual(
				refused('room-full')
			);
			expect(
				await stores().push.ofPeople(room, ['ana-0001', 'ben-0001', 'cleo-0001'])
			).toHaveLength(3);
		});

		test('[W7] a takeover handed back puts the earlier record back while the endpoint holds what the takeover stored, or nothing', async () => {
			const room = await newRoom();
			const { ana, ben } = await benTakesOverAnas(room);
			expect(await stores().push.handBack(room, ben, ana, LIMITS)).toBe(true);
			expect(await stores().push.ofPeople(room, ['ana-0001', 'ben-0001'])).toEqual([ana]);
			// Ben removed meanwhile, and his subscriptions with him.
			await stores().push.add(room, ben, LIMITS);
			await stores().push.remove(room, 'ben-0001', ana.endpoint);
			expect(await stores().push.handBack(room, ben, ana, LIMITS)).toBe(true);
			expect(await stores().push.ofPeople(room, ['ana-0001', 'ben-0001'])).toEqual([ana]);
		});

		test('[W7] a takeover handed back leaves someone else’s since as it is, and a room gone as it is', async () => {
			const room = await newRoom();
			const { ana, ben } = await benTakesOverAnas(room);
			const cleo = push('cleo-0001', ana.endpoint);
			await stores().push.add(room, cleo, LIMITS);
			expect(await stores().push.handBack(room, ben, ana, LIMITS)).toBe(false);
			expect(await stores().push.ofPeople(room, ['ana-0001', 'ben-0001', 'cleo-0001'])).toEqual([
				cleo
			]);
			await stores().push.add(room, ben, LIMITS);
			await stores().rooms.deleteRoom(room);
			expect(await stores().push.handBack(room, ben, ana, LIMITS)).toBe(false);
			expect(await stores().push.ofPeople(room, ['ana-0001', 'ben-0001'])).toEqual([]);
		});

		test('[W7] a takeover its taker’s browser renewed since (new keys, another language) is not handed back: the renewal stays', async () => {
			const room = await newRoom();
			const ana = push('ana-0001');
			const ben = push('ben-0001', ana.endpoint);
			await stores().push.add(room, ana, LIMITS);
			for (const renewed of [
				{ ...ben, keys: OTHER_KEYS },
				{ ...ben, locale: 'es' as const }
			]) {
				await stores().push.add(room, ben, LIMITS);
				expect(await stores().push.add(room, renewed, LIMITS)).toEqual(RENEWED);
				expect(await stores().push.handBack(room, ben, ana, LIMITS)).toBe(false);
				expect(await stores().push.ofPeople(room, ['ana-0001', 'ben-0001'])).toEqual([renewed]);
			}
		});

		test('[W2] [W7] a takeover is not handed back past its earlier person’s limit, and is taken back all the same', async () => {
			const room = await newRoom();
			const { ana, ben } = await benTakesOverAnas(room);
			// Ana turns on two other browsers meanwhile: with this one back she would have three.
			expect(await stores().push.add(room, push('ana-0001'), LIMITS)).toEqual(ADDED);
			expect(await stores().push.add(room, push('ana-0001'), LIMITS)).toEqual(ADDED);
			expect(await stores().push.handBack(room, ben, ana, LIMITS)).toBe(false);
			// Ben's failed subscribe keeps nothing either: he may be the one removed.
			expect(await stores().push.ofPeople(room, ['ben-0001'])).toEqual([]);
			expect(await stores().push.ofPeople(room, ['ana-0001'])).toHaveLength(LIMITS.perPerson);
		});

		test('[W2] [W7] a takeover is not handed back past the room’s limit', async () => {
			const room = await newRoom();
			const { ana, ben } = await benTakesOverAnas(room);
			// Ben removed, and the room filled by others meanwhile.
			await stores().push.remove(room, 'ben-0001', ana.endpoint);
			const others = ['cleo-0001', 'dan-0001', 'eve-0001'];
			for (const person of others) {
				expect(await stores().push.add(room, push(person), LIMITS)).toEqual(ADDED);
			}
			expect(await stores().push.handBack(room, ben, ana, LIMITS)).toBe(false);
			expect(await stores().push.ofPeople(room, ['ana-0001', ...others])).toHaveLength(
				LIMITS.perRoom
			);
			expect(await stores().push.ofPeople(room, ['ana-0001'])).toEqual([]);
		});

		test('[W3] a person removes only their own subscription', async () => {
			const room = await newRoom();
			const ana = push('ana-0001');
			await stores().push.add(room, ana, LIMITS);
			expect(await stores().push.remove(room, 'ben-0001', ana.endpoint)).toBe(false);
			expect(await stores().push.ofPeople(room, ['ana-0001'])).toEqual([ana]);
			expect(await stores().push.remove(room, 'ana-0001', ana.endpoint)).toBe(true);
			expect(await stores().push.ofPeople(room, ['ana-0001'])).toEqual([]);
			expect(await stores().push.remove(room, 'ana-0001', ana.endpoint)).toBe(false);
		});

		test('[W6] an endpoint its push service calls gone is removed', async () => {
			const room = await newRoom();
			const ana = push('ana-0001');
			await stores().push.add(room, ana, LIMITS);
			await stores().push.removeEndpoint(room, ana.endpoint);
			await stores().push.removeEndpoint(room, ana.endpoint);
			expect(await stores().push.ofPeople(room, ['ana-0001'])).toEqual([]);
		});

		test('[W7] deleting the room deletes its subscriptions, and only its', async () => {
			const [room, other] = [await newRoom(), await newRoom()];
			await stores().push.add(room, push('ana-0001'), LIMITS);
			const kept = push('ana-0001');
			await stores().push.add(other, kept, LIMITS);
			await stores().rooms.deleteRoom(room);
			expect(await stores().push.ofPeople(room, ['ana-0001'])).toEqual([]);
			expect(await stores().push.ofPeople(other, ['ana-0001'])).toEqual([kept]);
		});
	});
}
