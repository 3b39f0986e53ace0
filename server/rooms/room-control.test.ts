import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { activeListeningSprint } from '../../src/lib/playbooks/built-in/active-listening-sprint';
import { playbookSchema } from '../../src/lib/protocol/playbook';
import { ratingKey } from '../../src/lib/protocol/room-content';
import { initialControlState } from '../../src/lib/room/control';
import { FenceLost } from '../storage/document-log';
import { RoomControl, writeControl, type RoomControlDeps } from './room-control';
import { processLock, RoomBusy, type RoomLock } from './room-lock';
import { initialSealedUpdate, SealedValues } from './sealed-values';

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';
const playbook = playbookSchema.parse(activeListeningSprint);
const [ana, ben] = ['ana-00001', 'ben-00002'] as const;
const actor = (participantId: string) => ({ participantId, present: [ana, ben] });
const confirm = { type: 'agreements.confirm' } as const;

/** A lock shared with other instances: it hands each decision a fence, or refuses as told. */
function sharedLock() {
	const state = { runs: 0, refuse: false };
	const lock: RoomLock = {
		shared: true,
		run: async (roomId, decide) => {
			state.runs++;
			if (state.refuse) throw new RoomBusy(roomId, 'held elsewhere');
			return decide(`fence-${state.runs}`);
		}
	};
	return { lock, state };
}

/** A room's control over a document, with a log that keeps what it is sent and under what fence. */
function controlWith(lock: RoomLock) {
	const doc = new Y.Doc();
	writeControl(doc, initialControlState(playbook), 'server');
	const appended: { fence: string; hadChange: boolean }[] = [];
	/** The client ids the appended changes were written under. */
	const writers: number[] = [];
	const sealedLog = { append: async () => '1' };
	const secrets = new SealedValues(sealedLog, ROOM, {
		updates: [initialSealedUpdate('host-key')],
		cursor: undefined
	});
	const io = { refuseFence: false, failAppend: false, caughtUp: 0, tokenReplaced: 0 };
	const deps: RoomControlDeps = {
		roomId: ROOM,
		doc,
		playbook,
		secrets,
		lock,
		serverOrigin: 'server',
		catchUp: async () => void io.caughtUp++,
		append: async (update, fence) => {
			if (io.refuseFence) throw new FenceLost(ROOM);
			if (io.failAppend) throw new Error('Redis went away mid-append');
			writers.push(...new Set(Y.decodeUpdate(update).structs.map((struct) => struct.id.client)));
			// Whether the document already had the change before it was stored.
			const probe = new Y.Doc();
			Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
			const before = Y.encodeStateVector(probe);
			Y.applyUpdate(probe, update);
			appended.push({ fence, hadChange: Buffer.compare(before, Y.encodeStateVector(probe)) === 0 });
			return '1-0';
		},
		applyStored: (update) => Y.applyUpdate(doc, update, 'stored'),
		tokenReplaced: () => void io.tokenReplaced++
	};
	return { control: new RoomControl(deps), doc, secrets, appended, writers, io };
}

describe('one process', () => {
	test('a decision writes straight into the document, with no fence and no catching up', async () => {
		const { control, appended, io } = controlWith(processLock);
		expect(await control.decide(confirm, actor(ana), () => 0)).toMatchObject({ ok: true });
		expect(control.read().agreed).toEqual([ana]);
		expect(appended).toEqual([]);
		expect(io.caughtUp).toBe(0);
	});

	test('decisions at once run one after the other, each on the state the last one left', async () => {
		const { control } = controlWith(processLock);
		await Promise.all([
			control.decide(confirm, actor(ana), () => 0),
			control.decide(confirm, actor(ben), () => 0)
		]);
		expect(control.read().agreed).toEqual([ana, ben]);
	});
});

describe('several instances', () => {
	test('[S25] a decision catches up, then its change is stored under its fence before the document takes it', async () => {
		const { lock } = sharedLock();
		const { control, appended, io } = controlWith(lock);
		await control.decide(confirm, actor(ana), () => 0);
		expect(io.caughtUp).toBe(1);
		expect(appended).toEqual([{ fence: 'fence-1', hadChange: false }]);
		expect(control.read().agreed).toEqual([ana]);
	});

	test('[S25] a fence that no longer holds: busy, and the document does not change', async () => {
		const { lock } = sharedLock();
		const { control, io } = controlWith(lock);
		io.refuseFence = true;
		await expect(control.decide(confirm, actor(ana), () => 0)).rejects.toBeInstanceOf(RoomBusy);
		expect(control.read().agreed).toEqual([]);
		io.refuseFence = false;
		expect(await control.decide(confirm, actor(ana), () => 0)).toMatchObject({ ok: true });
		expect(control.read().agreed).toEqual([ana]);
	});

	test('[S25] a hold that cannot be had: busy, and nothing is decided', async () => {
		const { lock, state } = sharedLock();
		const { control, io } = controlWith(lock);
		state.refuse = true;
		await expect(control.decide(confirm, actor(ana), () => 0)).rejects.toBeInstanceOf(RoomBusy);
		expect(io.caughtUp).toBe(0);
		expect(control.read().agreed).toEqual([]);
	});

	test('a decision is taken at the time its turn came, however long the hold took', async () => {
		let clock = 1_000;
		const slowLock: RoomLock = {
			shared: true,
			run: async (_roomId, decide) => {
				clock += 1_500;
				return decide('fence');
			}
		};
		const { control } = controlWith(slowLock);
		await control.decide(confirm, actor(ana), () => clock);
		expect(await control.decide({ type: 'timer.start' }, actor(ana), () => clock)).toMatchObject({
			ok: true
		});
		expect(control.read().timer).toMatchObject({ startedAt: 4_000 });
	});

	test('decisions are drafted under one client id, and a new one after an append whose outcome is unknown', async () => {
		const { lock } = sharedLock();
		const { control, writers, io } = controlWith(lock);
		await control.decide(confirm, actor(ana), () => 0);
		await control.decide(confirm, actor(ben), () => 0);
		io.refuseFence = true;
		await expect(control.decide({ type: 'hand.raise' }, actor(ana), () => 0)).rejects.toThrow();
		io.refuseFence = false;
		await control.decide({ type: 'hand.raise' }, actor(ana), () => 0);
		expect(new Set(writers).size).toBe(1);
		io.failAppend = true;
		await expect(control.decide({ type: 'hand.raise' }, actor(ben), () => 0)).rejects.toThrow(
			'mid-append'
		);
		io.failAppend = false;
		await control.decide({ type: 'hand.raise' }, actor(ben), () => 0);
		expect(writers).toHaveLength(4);
		expect(new Set(writers).size).toBe(2);
	});

	test('settling takes no hold when who is present changes nothing', async () => {
		const { lock, state } = sharedLock();
		const { control } = controlWith(lock);
		expect(await control.settle([ana, ben], () => 0)).toEqual([]);
		expect(state.runs).toBe(0);
	});
});

describe('what is stored first', () => {
	test('[S11] a rating is sealed before the room hears it was given', async () => {
		const { lock } = sharedLock();
		const { control, secrets } = controlWith(lock);
		await control.decide(confirm, actor(ana), () => 0);
		const rate = { type: 'rating.submit', step: 4, value: 3 } as const;
		expect(await control.decide(rate, actor(ana), () => 0)).toMatchObject({ ok: true });
		expect(secrets.ratings(ratingKey('rating', 1))).toEqual({ [ana]: 3 });
		expect(control.read().ratings[ratingKey('rating', 1)]).toEqual({ submitted: [ana] });
	});

	test('[S20] a removal replaces the projector token before it is written', async () => {
		const { control, secrets, io } = controlWith(processLock);
		const join = { type: 'person.join', person: { name: 'Ana', roleId: 'speaker' } } as const;
		await control.decide({ ...join, holdsHostKey: true }, actor(ana), () => 0);
		await control.decide(confirm, actor(ana), () => 0);
		const before = await secrets.projectorToken();
		const decision = await control.decide(
			{ type: 'host.remove', participantId: ben },
			actor(ana),
			() => 0
		);
		expect(decision).toMatchObject({ ok: true, effects: [{ type: 'remove', participantId: ben }] });
		expect(await secrets.projectorToken()).not.toBe(before);
		expect(io.tokenReplaced).toBe(1);
		expect(control.read().removed).toEqual([ben]);
	});
});
