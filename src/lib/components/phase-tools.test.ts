import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { ContentDoc } from '$lib/client/content-doc';
import { PHASE_TOOLS, type PhaseToolKind, type Playbook } from '$lib/protocol/playbook';
import { findBuiltInPlaybook } from '$lib/playbooks/library';
import { roundKey } from '$lib/protocol/room-content';
import { roomPlay } from '$lib/room/room-play';
import { PHASE_TOOL_VIEWS, type ToolStep } from './phase-tools';
import { control, person, roomContext, text } from './room-controls.fixture';

const found = findBuiltInPlaybook('feedback-that-lands');
if (!found) throw new Error('the built-in playbook is missing');
const playbook: Playbook = found;
const ana = person('Ana');
const ben = person('Ben');
const people = {
	[ana.participantId]: { name: 'Ana', roleId: 'giver' },
	[ben.participantId]: { name: 'Ben', roleId: 'receiver' }
};

/** What the tool of the playbook's phase `phaseId` shows Ana, given what is in `doc`. */
function show(phaseId: string, tool: PhaseToolKind, doc: Y.Doc): string {
	const View = PHASE_TOOL_VIEWS[tool];
	if (!View) return '';
	const base = playbook.phases.find((candidate) => candidate.id === phaseId);
	if (!base) throw new Error(`no phase ${phaseId}`);
	const phase = { ...base, tool };
	const state = control({ people });
	const play = roomPlay(playbook, state, [ana, ben]);
	const step: ToolStep = {
		content: new ContentDoc(doc),
		key: roundKey(1),
		round: 1,
		phase,
		playbook,
		cast: play.cast,
		myRoleId: 'giver',
		self: { participantId: ana.participantId, name: 'Ana' },
		roomId: 'room-id-of-twenty-two0',
		now: () => 0,
		moves: { go: () => {} },
		rate: () => Promise.resolve(true),
		clipCredentials: undefined
	};
	return text(
		render(View, { props: { step }, context: roomContext(state, ana.participantId, [ana, ben]) })
			.body
	);
}

describe('phase tools', () => {
	test('every tool a playbook may name has an entry; only none and notes show nothing', () => {
		expect(Object.keys(PHASE_TOOL_VIEWS).sort()).toEqual([...PHASE_TOOLS].sort());
		const empty = PHASE_TOOLS.filter((tool) => PHASE_TOOL_VIEWS[tool] === undefined);
		expect(empty).toEqual(['none', 'notes']);
	});

	test('the feedback builder says the message as the room document holds it', () => {
		const doc = new Y.Doc();
		new ContentDoc(doc).feedback(roundKey(1)).texts.ask.insert(0, 'Could you send it sooner?');
		expect(show('draft', 'feedback-builder', doc)).toContain('Could you send it sooner?');
	});

	test('the commitments show what everyone saved, the closing ritual and the planning', () => {
		const doc = new Y.Doc();
		new ContentDoc(doc).commitments.save(ben.participantId, {
			what: 'Pause before answering',
			when: 'Monday',
			withWhom: 'the team'
		});
		const shown = show('schedule', 'commitment', doc);
		expect(shown).toMatch(/Ben\s*: Pause before answering · Monday · with the team/);
		expect(shown).toContain(`To close: ${playbook.closing}`);
		// This playbook rehearses feedback: the real conversation is planned here too.
		expect(shown).toContain('Schedule the real conversation');
	});

	test('the debrief asks the playbook’s questions', () => {
		expect(show('schedule', 'reflection', new Y.Doc())).toBe(
			`Debrief ${playbook.debrief.join(' ')}`
		);
	});

	test('a rating step asks the giver how understood the receiver felt… or they did', () => {
		expect(show('rehearse', 'rating', new Y.Doc())).toContain('How understood');
	});
});
