import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { ContentDoc } from '$lib/client/content-doc';
import type { ComponentLoader } from '$lib/client/lazy-load';
import type { AsyncState, ControlState } from '$lib/protocol/control';
import {
	PHASE_TOOLS,
	type PhaseToolKind,
	type Playbook,
	type PlaybookPhase
} from '$lib/protocol/playbook';
import { findBuiltInPlaybook } from '$lib/playbooks/library';
import { roundKey } from '$lib/protocol/room-content';
import { started } from '$lib/room/async-schedule.fixture';
import { roomPlay } from '$lib/room/room-play';
import { planSteps } from '$lib/room/steps';
import {
	FEEDBACK_TURN_LOADERS,
	nextTools,
	PHASE_TOOL_LOADERS,
	type ToolProps,
	type ToolStep
} from './phase-tools';
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

// A schedule of turns as the server starts one; only its missed turns matter here.
const schedule = started().async;
if (!schedule) throw new Error('the turns did not start');
/** The room on the giver's tune step (3), taking turns, with `missed` on record. */
const onTurns = (missed: AsyncState['missed']): ControlState =>
	control({ people, step: 3, async: { ...schedule, missed } });

/** What the tool of the playbook's phase `phaseId` shows Ana, given what is in `doc`. */
async function show(phaseId: string, tool: PhaseToolKind, doc: Y.Doc): Promise<string> {
	const load = PHASE_TOOL_LOADERS[tool];
	if (!load) return '';
	const base = playbook.phases.find((candidate) => candidate.id === phaseId);
	if (!base) throw new Error(`no phase ${phaseId}`);
	return showWith(load, { ...base, tool }, doc, control({ people }));
}

/** What `load`'s tool shows Ana, the giver, on `phase` in round 1 of a room in `state`. */
async function showWith(
	load: ComponentLoader<ToolProps>,
	phase: PlaybookPhase,
	doc: Y.Doc,
	state: ControlState
): Promise<string> {
	const View = (await load()).default;
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
		locked: false,
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
		expect(Object.keys(PHASE_TOOL_LOADERS).sort()).toEqual([...PHASE_TOOLS].sort());
		const empty = PHASE_TOOLS.filter((tool) => PHASE_TOOL_LOADERS[tool] === undefined);
		expect(empty).toEqual(['none', 'notes']);
	});

	test('the tool to fetch ahead is the next step’s, none after the last step', () => {
		const steps = planSteps(playbook);
		const toolAt = (step: number) => {
			const next = steps[step];
			const load = next && PHASE_TOOL_LOADERS[playbook.phases[next.phaseIndex]?.tool ?? 'none'];
			return load ? [load] : [];
		};
		const live = control({ people });
		for (let step = 0; step < steps.length; step++) {
			expect(nextTools(playbook, live, steps, step)).toEqual(toolAt(step + 1));
		}
		expect(nextTools(playbook, live, steps, steps.length - 1)).toEqual([]);
		// The playbook has tools to fetch ahead at all: the check above is not all empty.
		expect(steps.some((_, step) => nextTools(playbook, live, steps, step).length > 0)).toBe(true);
	});

	test('[A20] [A21] across time zones the next step’s feedback screen is fetched ahead too', () => {
		const steps = planSteps(playbook);
		// Feedback That Lands: 0 choose, 1 draft, 2 rehearse (receiver), 3 tune (giver), 4 schedule.
		const before = (phaseIndex: number) => steps.findIndex((s) => s.phaseIndex === phaseIndex) - 1;
		const turns = onTurns([]);
		expect(nextTools(playbook, turns, steps, before(2))).toEqual([
			PHASE_TOOL_LOADERS['feedback-builder'],
			FEEDBACK_TURN_LOADERS.answer
		]);
		expect(nextTools(playbook, turns, steps, before(3))).toEqual([FEEDBACK_TURN_LOADERS.rate]);
		expect(nextTools(playbook, turns, steps, before(4))).toEqual([
			PHASE_TOOL_LOADERS.commitment,
			FEEDBACK_TURN_LOADERS.recap
		]);
	});

	test('the feedback builder says the message as the room document holds it', async () => {
		const doc = new Y.Doc();
		new ContentDoc(doc).feedback(roundKey(1)).texts.ask.insert(0, 'Could you send it sooner?');
		expect(await show('draft', 'feedback-builder', doc)).toContain('Could you send it sooner?');
	});

	test('the commitments show what everyone saved, the closing ritual and the planning', async () => {
		const doc = new Y.Doc();
		new ContentDoc(doc).commitments.save(ben.participantId, {
			what: 'Pause before answering',
			when: 'Monday',
			withWhom: 'the team'
		});
		const shown = await show('schedule', 'commitment', doc);
		expect(shown).toMatch(/Ben\s*: Pause before answering · Monday · with the team/);
		expect(shown).toContain(`To close: ${playbook.closing}`);
		// This playbook rehearses feedback: the real conversation is planned here too.
		expect(shown).toContain('Schedule the real conversation');
	});

	test('the debrief asks the playbook’s questions', async () => {
		expect(await show('schedule', 'reflection', new Y.Doc())).toBe(
			`Debrief ${playbook.debrief.join(' ')}`
		);
	});

	test('a rating step asks the giver how understood the receiver felt… or they did', async () => {
		expect(await show('rehearse', 'rating', new Y.Doc())).toContain('How understood');
	});

	describe('[A6] [A21] the giver’s match step', () => {
		const tune = playbook.phases[3];
		if (!tune) throw new Error('no tune phase');
		const rate = FEEDBACK_TURN_LOADERS.rate;

		test('asks the giver to rate an answer the receiver left', async () => {
			const doc = new Y.Doc();
			new ContentDoc(doc).feedbackAnswers.heard(1).insert(0, 'You want to be asked');
			const shown = await showWith(rate, tune, doc, onTurns([]));
			expect(shown).toContain('You want to be asked');
			expect(shown).toContain('Save the rating');
		});

		test('says the receiver missed their turn, with no form, when nothing was heard', async () => {
			const missed = [{ phaseIndex: 2, round: 1, personIds: [ben.participantId] }];
			const shown = await showWith(rate, tune, new Y.Doc(), onTurns(missed));
			expect(shown).toContain('The receiver did not answer');
			expect(shown).not.toContain('No written answer');
			expect(shown).not.toContain('Save the rating');
		});
	});
});
