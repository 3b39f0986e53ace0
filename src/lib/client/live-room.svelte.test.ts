import { describe, expect, test } from 'vitest';
import { findBuiltInPlaybook } from '../playbooks/library';
import { controlStateSchema, type ControlCommand, type ControlState } from '../protocol/control';
import type { Participant } from '../protocol/presence';
import { asyncState } from '../room/async-schedule.fixture';
import type { RoomIdentity } from './identity';
import { LiveRoom, type ViewedSession } from './live-room.svelte';
import { WAIT_REASONS, type QueuedAction } from './offline-actions';
import { ServerClock } from './server-clock.svelte';

const found = findBuiltInPlaybook('feedback-that-lands');
if (!found) throw new Error('the built-in playbook is missing');
const playbook = found;

const person = (name: string, roleId: string): Participant => ({
	participantId: `${name.toLowerCase()}-000001`,
	name,
	roleId,
	status: 'connected',
	seenAt: 0
});
const ana = person('Ana', 'giver');
const ben = person('Ben', 'receiver');
const cy = person('Cy', 'receiver');
const identity: RoomIdentity = {
	participantId: ana.participantId,
	participantKey: 'ana-key-of-twenty-two-c',
	name: 'Ana',
	roleId: 'giver'
};

const synced = (changes: Partial<ControlState> = {}): ControlState => ({
	...controlStateSchema.parse({
		step: 1,
		timer: { status: 'idle', durationMs: 60_000 },
		people: Object.fromEntries(
			[ana, ben, cy].map((p) => [p.participantId, { name: p.name, roleId: p.roleId }])
		)
	}),
	...changes
});

/** A session as the view reads it, and the commands it was asked to send. */
function session(control: ControlState | undefined, changes: Partial<ViewedSession> = {}) {
	const sent: ControlCommand[] = [];
	const fake: ViewedSession = {
		doc: { control },
		roster: [ana, ben, cy],
		joined: true,
		removed: false,
		erased: false,
		offline: { news: undefined, queue: [] },
		clock: new ServerClock(() => Promise.resolve(0)),
		command: (command) => {
			sent.push(command);
			return Promise.resolve(true);
		},
		...changes
	};
	return { fake, sent };
}

/**
 * The room's view of `viewed`, as this person. Tests run the server build of Svelte, where a
 * class's effects do not run: the view is read as the page's first render reads it.
 */
const view = (viewed: ViewedSession | undefined, who: RoomIdentity | null = identity) =>
	new LiveRoom(
		() => viewed,
		() => who ?? undefined,
		() => playbook
	);

describe('the room page’s view of its room', () => {
	test('before the first sync: the roster as it comes, nothing to play, control unread', () => {
		const room = view(session(undefined).fake);
		expect(room.synced).toBeUndefined();
		expect(room.play).toBeUndefined();
		expect(room.roster).toEqual([ana, ben, cy]);
		expect(room.hosting).toBe(false);
		expect(() => room.control).toThrow(/before it synced/);
	});

	test('once synced: the step, its phase and the people here, the removed left out', () => {
		const room = view(session(synced({ removed: [cy.participantId] })).fake);
		expect(room.play?.current?.phase.id).toBe(playbook.phases[1]?.id);
		expect(room.phaseTitle).toBe(playbook.phases[1]?.title);
		expect(room.roster).toEqual([ana, ben]);
		expect(room.selfId).toBe(ana.participantId);
	});

	test('the host, the agreements and the host’s lock, as this person sees them', () => {
		const hosted = synced({
			host: { participantId: ben.participantId, controlLocked: true },
			agreed: [ana.participantId]
		});
		const room = view(session(hosted).fake);
		expect(room.hosting).toBe(false);
		expect(room.agreed).toBe(true);
		expect(room.locked).toBe(true);
		expect(room.watching).toBe(false);
		expect(room.handWait).toBeUndefined();
	});

	test('[A35] someone who confirmed after the places were taken watches the turns: no controls', () => {
		const phone = { ...ana, participantId: 'ana-phone-09' };
		const onTurns = synced({
			people: Object.fromEntries(
				[ana, ben, phone].map((p) => [p.participantId, { name: p.name, roleId: p.roleId }])
			),
			agreed: [ana.participantId, ben.participantId, phone.participantId],
			async: asyncState()
		});
		const asPhone = view(session(onTurns).fake, {
			...identity,
			participantId: phone.participantId
		});
		expect(asPhone.watching).toBe(true);
		expect(asPhone.locked).toBe(true);
		expect(asPhone.shortcutContext).toMatchObject({ canControl: false, watching: true });
		expect(view(session(onTurns).fake).locked).toBe(false);
		// Played live, everyone present takes part.
		const live = { ...onTurns, async: asyncState({ mode: 'live' }) };
		expect(
			view(session(live).fake, { ...identity, participantId: phone.participantId }).locked
		).toBe(false);
	});

	test('cut off: the timer waits for the connection before the agreements', () => {
		const room = view(session(synced(), { joined: false }).fake);
		expect(room.cutOff).toBe(true);
		expect(room.timerWait).toBe(WAIT_REASONS.timer());
		expect(room.shortcutContext.live).toBe(false);
	});

	test('cut off, the presses kept are the session’s own queue, read rather than copied', () => {
		const queue: QueuedAction[] = [
			{ command: { type: 'hand.raise' }, slot: 'hand', forStep: false, seenStep: 1 }
		];
		const room = view(
			session(synced(), { joined: false, offline: { news: undefined, queue } }).fake
		);
		expect(room.kept).toBe(queue);
	});

	test('not joined yet is not cut off', () => {
		const room = view(session(synced(), { joined: false }).fake, null);
		expect(room.cutOff).toBe(false);
		expect(room.inRoom).toBe(false);
	});

	test('the tab title follows the room only while this person is in it', () => {
		expect(view(session(synced()).fake).titleLive?.phaseTitle).toBe(playbook.phases[1]?.title);
		expect(view(session(synced(), { removed: true }).fake).titleLive).toBeUndefined();
	});

	test('commands go to the session; a move names the step on screen', async () => {
		const { fake, sent } = session(synced());
		const room = view(fake);
		room.moves.go(2);
		expect(await room.command({ type: 'timer.start' })).toBe(true);
		expect(sent).toEqual([{ type: 'step.goto', target: 2, from: 1 }, { type: 'timer.start' }]);
	});

	test('without a session a command is not sent', async () => {
		const room = view(undefined);
		expect(await room.command({ type: 'timer.start' })).toBe(false);
	});
});
