import { describe, expect, test } from 'vitest';
import type { DocumentLog, StoredDoc } from '../storage/document-log';
import { initialSealedUpdate, KEPT_REPLACED_PROJECTOR_TOKENS, SealedValues } from './sealed-values';

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';
const HOST_KEY = 'the-host-key';

/** How the store answers an append: stored, refused by the store, or refused as the room is gone. */
type Outcome = 'stored' | 'error' | 'gone';

/**
 * The sealed document's store as one instance sees it: it keeps the updates it stored, notes
 * every update it was sent (what the fan-out gives the other instances), and while `held` keeps
 * each append waiting until `release` (an update still on its way to Redis).
 */
function fakeStore() {
	const stored: Uint8Array[] = [];
	const sent: Uint8Array[] = [];
	const waiting: (() => void)[] = [];
	const control = { outcome: 'stored' as Outcome, held: false };
	const store: Pick<DocumentLog, 'append'> = {
		append: async (_docId, update) => {
			sent.push(update);
			if (control.held) await new Promise<void>((resolve) => waiting.push(resolve));
			if (control.outcome === 'error') throw new Error('Redis is away');
			if (control.outcome === 'gone') return undefined;
			stored.push(update);
			return String(stored.length);
		}
	};
	const release = () => {
		control.held = false;
		for (const resume of waiting.splice(0)) resume();
	};
	return { store, stored, sent, control, release };
}

const storedAs = (...updates: Uint8Array[]): StoredDoc => ({ updates, cursor: undefined });
/** A room as created now. */
const newRoom = () => storedAs(initialSealedUpdate(HOST_KEY));
/** A room stored before its secrets were made with it: its sealed document is empty. */
const roomFromBefore = () => storedAs();

describe('a new room', () => {
	test('two instances that load it sign document tickets valid on each other, storing nothing', async () => {
		const [storeA, storeB] = [fakeStore(), fakeStore()];
		const room = newRoom();
		const a = new SealedValues(storeA.store, ROOM, room);
		const b = new SealedValues(storeB.store, ROOM, room);
		const [fromA, fromB] = [await a.docTicket('ana'), await b.docTicket('ana')];
		expect(b.isDocTicket('ana', fromA)).toBe(true);
		expect(a.isDocTicket('ana', fromB)).toBe(true);
		expect(a.isDocTicket('ben', fromA)).toBe(false);
		expect(await a.projectorToken()).toBe(await b.projectorToken());
		expect([...storeA.sent, ...storeB.sent]).toEqual([]);
	});
});

describe('the projector token (protocol Y8, S20)', () => {
	test('a replaced token is told apart from one the room never had, on every instance', async () => {
		const { store, stored } = fakeStore();
		const room = newRoom();
		const values = new SealedValues(store, ROOM, room);
		const old = await values.projectorToken();
		const token = await values.replaceProjectorToken();
		// Another instance, loading what was stored.
		const other = new SealedValues(fakeStore().store, ROOM, storedAs(...room.updates, ...stored));
		for (const copy of [values, other]) {
			expect(copy.checkProjectorToken(token)).toBe('current');
			expect(copy.checkProjectorToken(old)).toBe('replaced');
			expect(copy.checkProjectorToken('A'.repeat(43))).toBe('wrong');
		}
	});

	test('only the latest replaced tokens are kept: a host removing again and again grows nothing', async () => {
		const { store, stored } = fakeStore();
		const room = newRoom();
		const values = new SealedValues(store, ROOM, room);
		const replaced = [await values.projectorToken()];
		for (let i = 0; i < KEPT_REPLACED_PROJECTOR_TOKENS; i++)
			replaced.push(await values.replaceProjectorToken());
		const token = replaced.pop() ?? '';
		const [oldest, ...kept] = replaced;
		const other = new SealedValues(fakeStore().store, ROOM, storedAs(...room.updates, ...stored));
		for (const copy of [values, other]) {
			expect(copy.checkProjectorToken(token)).toBe('current');
			for (const old of kept) expect(copy.checkProjectorToken(old)).toBe('replaced');
			expect(copy.checkProjectorToken(oldest ?? '')).toBe('replaced');
		}
		await values.replaceProjectorToken();
		const later = new SealedValues(fakeStore().store, ROOM, storedAs(...room.updates, ...stored));
		for (const copy of [values, later]) {
			expect(copy.checkProjectorToken(oldest ?? '')).toBe('wrong');
			for (const old of [...kept, token]) expect(copy.checkProjectorToken(old)).toBe('replaced');
		}
	});

	test('a replaced token is kept only as its hash', async () => {
		const { store, stored } = fakeStore();
		const values = new SealedValues(store, ROOM, newRoom());
		const old = await values.projectorToken();
		await values.replaceProjectorToken();
		const written = stored.map((update) => Buffer.from(update).toString('latin1')).join();
		expect(written).not.toContain(old);
	});

	test('in a room whose link was never replaced, every other token is wrong', async () => {
		const values = new SealedValues(fakeStore().store, ROOM, newRoom());
		expect(values.checkProjectorToken(await values.projectorToken())).toBe('current');
		expect(values.checkProjectorToken('A'.repeat(43))).toBe('wrong');
	});
});

describe('a room stored before its secrets were made with it', () => {
	test('two instances making its secrets at once answer the same ones once they hear each other', async () => {
		const [storeA, storeB] = [fakeStore(), fakeStore()];
		storeA.control.held = storeB.control.held = true;
		const a = new SealedValues(storeA.store, ROOM, roomFromBefore());
		const b = new SealedValues(storeB.store, ROOM, roomFromBefore());
		const tickets = [a.docTicket('ana'), b.docTicket('ben')];
		const tokens = [a.projectorToken(), b.projectorToken()];
		// Each hears the other's update while its own is still on its way to Redis.
		b.receive(storeA.sent);
		a.receive(storeB.sent);
		storeA.release();
		storeB.release();
		const [forAna, forBen] = await Promise.all(tickets);
		expect(a.isDocTicket('ben', forBen!)).toBe(true);
		expect(b.isDocTicket('ana', forAna!)).toBe(true);
		const [tokenA, tokenB] = await Promise.all(tokens);
		expect(tokenA).toBe(tokenB);
		expect(await a.docTicket('cy')).toBe(await b.docTicket('cy'));
	});

	test('joins at the same time on one instance make one ticket secret, which signs both', async () => {
		const { store, sent, control, release } = fakeStore();
		control.held = true;
		const a = new SealedValues(store, ROOM, roomFromBefore());
		const tickets = Promise.all([a.docTicket('ana'), a.docTicket('ben')]);
		expect(sent).toHaveLength(1);
		release();
		const [forAna, forBen] = await tickets;
		expect(a.isDocTicket('ana', forAna!)).toBe(true);
		expect(a.isDocTicket('ben', forBen!)).toBe(true);
	});
});

describe.each<Outcome>(['error', 'gone'])('a change the store refuses (%s)', (outcome) => {
	test('changes nothing in memory: rating, participant key, host key', async () => {
		const { store, control } = fakeStore();
		control.outcome = outcome;
		const values = new SealedValues(store, ROOM, newRoom());
		await expect(values.setRating('step-1', 'ana', 4)).rejects.toThrow();
		await expect(values.rememberParticipantKey('ana', 'ana-key')).rejects.toThrow();
		await expect(values.replaceHostKey()).rejects.toThrow();
		expect(values.ratings('step-1')).toEqual({});
		expect(values.checkParticipantKey('ana', 'someone-else')).toBe('new');
		expect(values.isHostKey(HOST_KEY)).toBe(true);
	});

	test('leaves no secret only this instance knows', async () => {
		const { store, stored, control } = fakeStore();
		control.outcome = outcome;
		const values = new SealedValues(store, ROOM, roomFromBefore());
		await expect(values.docTicket('ana')).rejects.toThrow();
		await expect(values.projectorToken()).rejects.toThrow();
		control.outcome = 'stored';
		const ticket = await values.docTicket('ana');
		const token = await values.projectorToken();
		// Another instance loading what was stored accepts what this one handed out.
		const other = new SealedValues(fakeStore().store, ROOM, storedAs(...stored));
		expect(other.isDocTicket('ana', ticket)).toBe(true);
		expect(other.checkProjectorToken(token)).toBe('current');
	});
});

test('a second join with an id whose first key is still being stored is checked against that key', async () => {
	const { store, control, release } = fakeStore();
	control.held = true;
	const values = new SealedValues(store, ROOM, newRoom());
	const remembered = values.rememberParticipantKey('ana', 'ana-key');
	expect(values.checkParticipantKey('ana', 'someone-else')).toBe('different');
	expect(values.checkParticipantKey('ana', 'ana-key')).toBe('same');
	release();
	await remembered;
	expect(values.checkParticipantKey('ana', 'someone-else')).toBe('different');
});
