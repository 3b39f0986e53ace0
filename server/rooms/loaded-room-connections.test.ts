import { afterAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import { redirectLog } from '../log';
import type { DocCredentials } from './doc-access';
import { LoadedRoom } from './loaded-room';
import { anyone, io, meta, playbook, recordingLog, ticketed } from './loaded-room.fixture';

// The room's events are not the tests' output.
afterAll(redirectLog({ write: () => true }));

describe('a loaded room’s document connections', () => {
	test('removing someone ends only their document connections, however the removal arrives', async () => {
		const { log } = recordingLog();
		const room = await LoadedRoom.load(io(log), meta, playbook);
		const ends: string[] = [];
		room.connections.track(await ticketed(room, 'ana-00001'), (why) => ends.push(`ana: ${why}`));
		const forgetBen = room.connections.track(await ticketed(room, 'ben-00002'), (why) =>
			ends.push(`ben: ${why}`)
		);
		room.connections.track(anyone, (why) => ends.push(`anyone: ${why}`));
		expect(room.connections.size).toBe(3);
		const control = room.control.read();
		room.doc.getMap(CONTROL_MAP).set('removed', [...control.removed, 'ana-00001']);
		expect(room.connections.size).toBe(2);
		forgetBen();
		expect(room.connections.size).toBe(1);
		// Another instance's removal arrives as a change to the control map like any other.
		const elsewhere = new Y.Doc();
		Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(room.doc));
		elsewhere.getMap(CONTROL_MAP).set('removed', ['ana-00001', 'ben-00002']);
		Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(elsewhere, Y.encodeStateVector(room.doc)));
		expect(ends).toEqual(['ana: removed']);
	});

	test('[Y11] locking the room, here or on another instance, ends the connections without a ticket', async () => {
		const { log } = recordingLog();
		const room = await LoadedRoom.load(io(log), meta, playbook);
		const ends: string[] = [];
		room.connections.track(await ticketed(room, 'ana-00001'), (why) => ends.push(`ana: ${why}`));
		room.connections.track(anyone, (why) => ends.push(`anyone: ${why}`));
		room.connections.track(
			{ kind: 'projector', token: await room.secrets.projectorToken() },
			(why) => ends.push(`projector: ${why}`)
		);
		const elsewhere = new Y.Doc();
		Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(room.doc));
		// Another instance's lock, with Ana in the room.
		elsewhere.transact(() => {
			elsewhere.getMap(CONTROL_MAP).set('roomLocked', true);
			elsewhere.getMap(CONTROL_MAP).set('lockedWith', ['ana-00001']);
		});
		Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(elsewhere, Y.encodeStateVector(room.doc)));
		expect(ends).toEqual(['anyone: locked']);
		expect(room.connections.admission(anyone)).toEqual({ admitted: false, refusal: 'locked' });
	});

	test('[S20] a removal replaces the projector token in the same decision, and is not taken when that fails', async () => {
		const { log } = recordingLog();
		let refuse = false;
		const append = log.append;
		log.append = (id, update) =>
			refuse ? Promise.reject(new Error('disk full')) : append(id, update);
		const room = await LoadedRoom.load(io(log), meta, playbook);
		const hana = { participantId: 'hana-00001', present: ['hana-00001', 'rex-00002'] };
		const join = { type: 'person.join', person: { name: 'Hana', roleId: 'speaker' } } as const;
		await room.control.decide({ ...join, holdsHostKey: true }, hana, () => 0);
		await room.control.decide({ type: 'agreements.confirm' }, hana, () => 0);
		const old: DocCredentials = { kind: 'projector', token: await room.secrets.projectorToken() };
		const ends: string[] = [];
		room.connections.track(old, (why) => ends.push(`old projector: ${why}`));
		const remove = { type: 'host.remove', participantId: 'rex-00002' } as const;

		// The token cannot be replaced: Rex is not removed, so the host can try again.
		refuse = true;
		await expect(room.control.decide(remove, hana, () => 0)).rejects.toThrow('disk full');
		expect(room.control.read().removed).toEqual([]);
		expect(room.connections.admission(old)).toMatchObject({ admitted: true });

		refuse = false;
		expect(await room.control.decide(remove, hana, () => 0)).toMatchObject({ ok: true });
		expect(room.control.read().removed).toEqual(['rex-00002']);
		expect(room.connections.admission(old)).toEqual({
			admitted: false,
			refusal: 'projector-replaced'
		});
		const token = await room.secrets.projectorToken();
		expect(token).not.toBe(old.token);
		expect(room.connections.admission({ kind: 'projector', token })).toEqual({
			admitted: true,
			readOnly: true
		});
		expect(ends).toEqual(['old projector: projector-replaced']);
	});
});
