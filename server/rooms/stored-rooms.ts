import * as Y from 'yjs';
import type { ControlState, TurnWindows } from '../../src/lib/protocol/control';
import type { RoomMeta } from '../../src/lib/protocol/http';
import type { Playbook } from '../../src/lib/protocol/playbook';
import { nextWakeAt } from '../../src/lib/room/async-clock';
import { startTurns } from '../../src/lib/room/async-schedule';
import { initialControlState } from '../../src/lib/room/control';
import { sealedDocId, type DocumentLog } from '../storage/document-log';
import type { RoomStore } from '../storage/room-store';
import { SERVER_ORIGIN } from './loaded-room';
import { writeControl } from './room-control';
import { migrateRoomDoc } from './room-doc-version';
import { playbookCopyOf, playbookCopyUpdate } from './room-playbook-copy';
import { newSecret } from './room-secrets';
import { initialSealedUpdate } from './sealed-values';

/** Where new rooms are stored, and the playbooks they may start from. */
export interface StoredRoomsDeps {
	store: RoomStore;
	/** The rooms' documents: a new room's sealed values and playbook copy go there. */
	log: DocumentLog;
	findPlaybook(id: string): Promise<Playbook | undefined>;
}

/** A new room's host key, the refusal of turns its playbook cannot run, or undefined: no such playbook. */
export type CreatedRoom = { hostKey: string } | { refused: string } | undefined;

/**
 * The first stored update of a new room: its control map (by default at the playbook's first
 * phase), at the latest schema version.
 */
export function initialRoomUpdate(
	playbook: Playbook,
	control: ControlState = initialControlState(playbook)
): Uint8Array {
	const doc = new Y.Doc();
	writeControl(doc, control, SERVER_ORIGIN);
	migrateRoomDoc(doc, 'A new room', SERVER_ORIGIN);
	return Y.encodeStateAsUpdate(doc);
}

/**
 * The rooms in storage: creating one, finding one, and the playbook it plays. The registry
 * (./room-registry.ts) adds the rooms in memory.
 */
export class StoredRooms {
	constructor(protected readonly stored: StoredRoomsDeps) {}

	/**
	 * Stores a new room at its playbook's first step, with its secrets (and a copy of a community
	 * playbook); with `turns`, run across time zones from its creation with those windows
	 * (protocol A1), its first wake stored with it (A14).
	 */
	async create(meta: RoomMeta, turns?: TurnWindows): Promise<CreatedRoom> {
		const playbook = await this.stored.findPlaybook(meta.playbookId);
		if (!playbook) return undefined;
		const initial = initialControlState(playbook);
		const control = turns ? startTurns(initial, playbook, turns, meta.createdAt) : undefined;
		if (control && !control.ok) return { refused: control.error.message };
		const hostKey = newSecret();
		const copy = playbookCopyUpdate(playbook);
		const sealed = initialSealedUpdate(hostKey);
		await this.stored.store.createRoom(
			meta,
			initialRoomUpdate(playbook, control?.state ?? initial),
			control && nextWakeAt(control.state)
		);
		const first = copy ? Y.mergeUpdates([sealed, copy]) : sealed;
		await this.stored.log.append(sealedDocId(meta.id), first);
		return { hostKey };
	}

	getRoom(roomId: string): Promise<RoomMeta | undefined> {
		return this.stored.store.getRoom(roomId);
	}

	/**
	 * The playbook a room plays: the library's, or once it has left the library (deleted by its
	 * author, hidden or deleted by the operator) the copy stored with the room when it started.
	 */
	async playbookOf(meta: RoomMeta): Promise<Playbook | undefined> {
		const listed = await this.stored.findPlaybook(meta.playbookId);
		return listed ?? playbookCopyOf(await this.stored.log.load(sealedDocId(meta.id)));
	}
}
