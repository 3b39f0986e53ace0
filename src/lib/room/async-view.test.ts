import { describe, expect, test } from 'vitest';
import { activeListeningSprint } from '../playbooks/built-in/active-listening-sprint';
import type { ControlState } from '../protocol/control';
import { playbookSchema } from '../protocol/playbook';
import { tick } from './async-clock';
import { goLive, startTurns } from './async-schedule';
import { asyncView, formatDeadline, formatLeft, mayGoLive, plannedDeadlines } from './async-view';
import { initialControlState, type ControlResult } from './control';

const playbook = playbookSchema.parse(activeListeningSprint);
const HOUR = 3_600_000;
const [ana, ben] = ['ana-00001', 'ben-00002'] as const;
const people = {
	[ana]: { name: 'Ana', roleId: 'speaker' },
	[ben]: { name: 'Ben', roleId: 'listener' }
};
/** Friday 2026-10-23 18:00 UTC: Europe's clocks go back on the Sunday after. */
const T0 = Date.UTC(2026, 9, 23, 18);
const ok = (result: ControlResult): ControlState => {
	if (!result.ok) throw new Error(result.error.message);
	return result.state;
};
const onTurns = ok(
	startTurns(
		{ ...initialControlState(playbook), people, agreed: [ana, ben] },
		playbook,
		{ story: 48 * HOUR },
		T0
	)
);
/** Ana's phone, which confirmed after the two places were taken: it watches (A33). */
const phone = 'ana-phone-03';
const inBerlin = { locale: 'en' as const, timeZone: 'Europe/Berlin', present: [ana, ben, phone] };
const watched: ControlState = {
	...onTurns,
	people: { ...people, [phone]: { name: 'Ana', roleId: 'speaker' } },
	agreed: [ana, ben, phone]
};

describe('deadlines in the viewer’s time zone', () => {
	test('one deadline reads in each viewer’s own time zone and language', () => {
		const at = Date.UTC(2026, 2, 30, 7, 30);
		expect(formatDeadline(at, { locale: 'en', timeZone: 'America/New_York' })).toBe(
			'Mon, Mar 30, 3:30 AM EDT'
		);
		expect(formatDeadline(at, { locale: 'de', timeZone: 'Europe/Berlin' })).toBe(
			'Mo., 30. März, 09:30 MESZ'
		);
		expect(formatDeadline(at, { locale: 'es', timeZone: 'Asia/Tokyo' })).toBe(
			'lun, 30 mar, 16:30 GMT+9'
		);
	});

	test('a 48 h window over the night the clocks go back ends an hour earlier on the wall clock', () => {
		const view = asyncView(onTurns, playbook, ana, inBerlin);
		expect(formatDeadline(T0, inBerlin)).toBe('Fri, Oct 23, 8:00 PM GMT+2');
		expect(view?.deadline).toBe('Sun, Oct 25, 7:00 PM GMT+1');
	});
});

describe('whose turn it is', () => {
	test('the taker sees it is their turn; the other sees whom the room waits for', () => {
		expect(asyncView(onTurns, playbook, ana, inBerlin)).toMatchObject({
			yourTurn: true,
			phaseTitle: 'Tell the story',
			mayExtend: true
		});
		expect(asyncView(onTurns, playbook, ben, inBerlin)).toMatchObject({
			yourTurn: false,
			waitingLine: 'Waiting for Ana to take their turn.'
		});
		expect(
			asyncView(onTurns, playbook, ben, { locale: 'de', timeZone: 'UTC', present: [] })?.waitingLine
		).toBe('Ana ist noch am Zug.');
		expect(
			asyncView(onTurns, playbook, ben, { locale: 'es', timeZone: 'UTC', present: [] })?.waitingLine
		).toBe('Esperando a que Ana haga su turno.');
	});

	test('several people waited for, or past their deadline, are named with a plural verb', () => {
		// The story told by both roles: the room waits for two people.
		const byBoth = {
			...playbook,
			phases: playbook.phases.map((phase) =>
				phase.id === 'story' ? { ...phase, turnBy: ['speaker', 'listener'] } : phase
			)
		};
		const both = ok(
			startTurns(
				{ ...initialControlState(byBoth), people, agreed: [ana, ben] },
				byBoth,
				{ story: 48 * HOUR },
				T0
			)
		);
		const passed = tick(both, byBoth, T0 + 48 * HOUR);
		const seen = (state: ControlState, locale: 'en' | 'de' | 'es') =>
			asyncView(state, byBoth, 'someone-else', { locale, timeZone: 'UTC', present: [] });
		expect(seen(both, 'en')?.waitingLine).toBe('Waiting for Ana and Ben to take their turns.');
		expect(seen(both, 'de')?.waitingLine).toBe('Ana und Ben sind noch am Zug.');
		expect(seen(both, 'es')?.waitingLine).toBe('Esperando a que Ana y Ben hagan su turno.');
		expect(seen(passed, 'en')?.missed).toEqual([
			'Tell the story, round 1: Ana and Ben did not take their turns before the deadline.'
		]);
		expect(seen(passed, 'de')?.missed).toEqual([
			'Tell the story, Runde 1: Ana und Ben haben ihre Züge nicht vor Ablauf der Frist gemacht.'
		]);
		expect(seen(passed, 'es')?.missed).toEqual([
			'Tell the story, ronda 1: Ana y Ben no hicieron su turno antes del plazo.'
		]);
	});

	test('a live room is not anyone’s turn and shows no deadline', () => {
		const live = ok(goLive(onTurns, playbook, [ana, ben]));
		expect(asyncView(live, playbook, ana, inBerlin)).toMatchObject({
			mode: 'live',
			yourTurn: false,
			deadline: undefined
		});
	});

	test('a soft end names who did not take their turn, in the viewer’s language', () => {
		const passed = tick(onTurns, playbook, T0 + 48 * HOUR);
		expect(
			asyncView(passed, playbook, ben, { locale: 'de', timeZone: 'UTC', present: [] })?.missed
		).toEqual(['Tell the story, Runde 1: Ana hat den Zug nicht vor Ablauf der Frist gemacht.']);
	});

	test('[A6] missed turns of one phase in different rounds name their round', () => {
		const missed = (rounds: number | undefined): ControlState => ({
			...onTurns,
			...(rounds === undefined ? {} : { rounds }),
			async: {
				...onTurns.async!,
				missed: [
					{ phaseIndex: 2, round: 1, personIds: [ben] },
					{ phaseIndex: 2, round: 2, personIds: [ben] },
					{ phaseIndex: 5, round: 1, personIds: [ana, ben] }
				]
			}
		});
		expect(asyncView(missed(undefined), playbook, ana, inBerlin)?.missed).toEqual([
			'Reflect it back, round 1: Ben did not take their turn before the deadline.',
			'Reflect it back, round 2: Ben did not take their turn before the deadline.',
			'One micro-adjustment: Ana and Ben did not take their turns before the deadline.'
		]);
		expect(
			asyncView(missed(undefined), playbook, ana, { locale: 'de', timeZone: 'UTC', present: [] })
				?.missed[1]
		).toBe('Reflect it back, Runde 2: Ben hat den Zug nicht vor Ablauf der Frist gemacht.');
		// One round only: the round would say nothing.
		expect(asyncView(missed(1), playbook, ana, inBerlin)?.missed[0]).toBe(
			'Reflect it back: Ben did not take their turn before the deadline.'
		);
	});

	test('a step not taken in turns says so and names the button that moves on, in its words', () => {
		// Someone's Next brought the room from the paraphrase to the silence, which has no turns.
		const onSilence: ControlState = { ...onTurns, step: 3 };
		expect(asyncView(onSilence, playbook, ben, inBerlin)).toMatchObject({
			yourTurn: false,
			noTurns:
				'“A short silence” is not taken in turns: nobody has a turn in it. Press “Next phase →” ' +
				'when you are done with it; otherwise the room moves on at the deadline.'
		});
		expect(
			asyncView(onSilence, playbook, ben, { locale: 'es', timeZone: 'UTC', present: [] })?.noTurns
		).toContain('Pulsa «Siguiente fase →»');
		expect(asyncView(onTurns, playbook, ana, inBerlin)?.noTurns).toBeUndefined();
		expect(
			asyncView(ok(goLive(onSilence, playbook, [ana, ben])), playbook, ana, inBerlin)?.noTurns
		).toBe(undefined);
	});

	test('a step not taken in turns names Next only to someone whose press the room takes', () => {
		const onSilence: ControlState = { ...onTurns, step: 3 };
		const locked: ControlState = {
			...onSilence,
			host: { participantId: ana, controlLocked: true }
		};
		expect(asyncView(locked, playbook, ben, inBerlin)?.noTurns).toBe(
			'“A short silence” is not taken in turns: nobody has a turn in it. The host moves the ' +
				'room on; otherwise it moves on at the deadline.'
		);
		// The host of a locked room still moves it on.
		expect(asyncView(locked, playbook, ana, inBerlin)?.noTurns).toContain('Press “Next phase →”');
		const paused: ControlState = { ...onSilence, pause: { at: T0, timerWasRunning: false } };
		expect(asyncView(paused, playbook, ben, inBerlin)?.noTurns).toBe(
			'“A short silence” is not taken in turns: nobody has a turn in it. The room moves on at ' +
				'the deadline.'
		);
	});

	test('a step not taken in turns tells someone watching that the place-holders move on (A35)', () => {
		const onSilence: ControlState = { ...watched, step: 3 };
		expect(asyncView(onSilence, playbook, phone, inBerlin)?.noTurns).toBe(
			'“A short silence” is not taken in turns: nobody has a turn in it. Those holding a place ' +
				'move the room on; otherwise it moves on at the deadline.'
		);
		// Paused, nobody's Next is taken: someone watching reads the deadline line like others.
		const paused: ControlState = { ...onSilence, pause: { at: T0, timerWasRunning: false } };
		expect(asyncView(paused, playbook, phone, inBerlin)?.noTurns).toBe(
			asyncView(paused, playbook, ben, inBerlin)?.noTurns
		);
	});

	test('a room that never ran as turns has no view of turns', () => {
		expect(asyncView(initialControlState(playbook), playbook, ana, inBerlin)).toBeUndefined();
	});
});

describe('[A35] what someone watching is offered', () => {
	test('the turns and the deadline, but not the extension', () => {
		expect(asyncView(watched, playbook, phone, inBerlin)).toMatchObject({
			watching: true,
			waitingLine: 'Waiting for Ana to take their turn.',
			deadline: 'Sun, Oct 25, 7:00 PM GMT+1',
			mayExtend: false
		});
		expect(asyncView(watched, playbook, ben, inBerlin)?.mayExtend).toBe(true);
		// Standing in for Ana's old identity, gone, it may (A35).
		const standingIn = { ...inBerlin, present: [ben, phone] };
		expect(asyncView(watched, playbook, phone, standingIn)?.mayExtend).toBe(true);
		// A host who watches keeps the room's controls.
		const hosted: ControlState = {
			...watched,
			host: { participantId: phone, controlLocked: false }
		};
		expect(asyncView(hosted, playbook, phone, inBerlin)?.mayExtend).toBe(true);
	});

	test('going live needs two people holding a place, or standing in for one away', () => {
		expect(mayGoLive(watched, playbook, ana, [ana])).toBe(false);
		expect(mayGoLive(watched, playbook, ana, [ana, ben])).toBe(true);
		// Beside both people holding a place, Ana's phone is not offered it.
		expect(mayGoLive(watched, playbook, phone, [ana, ben, phone])).toBe(false);
		// Standing in for Ben while he is away, it counts, and is offered it (A8).
		expect(mayGoLive(watched, playbook, ana, [ana, phone])).toBe(true);
		expect(mayGoLive(watched, playbook, phone, [ana, phone])).toBe(true);
		const locked: ControlState = { ...watched, host: { participantId: ana, controlLocked: true } };
		expect(mayGoLive(locked, playbook, ben, [ana, ben])).toBe(false);
		expect(mayGoLive(ok(goLive(watched, playbook, [ana, ben])), playbook, ana, [ana, ben])).toBe(
			false
		);
	});
});

describe('the calendar’s deadlines', () => {
	test('a stored phase named constructor gets the default window, not a function', () => {
		const named = {
			...playbook,
			phases: playbook.phases.map((phase) =>
				phase.id === 'paraphrase' ? { ...phase, id: 'constructor' } : phase
			)
		};
		const state = ok(
			startTurns({ ...initialControlState(named), people }, named, { story: 48 * HOUR }, T0)
		);
		expect(plannedDeadlines(state, named).slice(0, 2)).toEqual([
			{ phaseIndex: 1, round: 1, at: T0 + 48 * HOUR },
			{ phaseIndex: 2, round: 1, at: T0 + 72 * HOUR }
		]);
	});

	test('each later deadline adds its phase’s window to the one before', () => {
		const planned = plannedDeadlines(onTurns, playbook);
		expect(planned.slice(0, 3)).toEqual([
			{ phaseIndex: 1, round: 1, at: T0 + 48 * HOUR },
			{ phaseIndex: 2, round: 1, at: T0 + 72 * HOUR },
			{ phaseIndex: 4, round: 1, at: T0 + 96 * HOUR }
		]);
		// Story, paraphrase and rating twice, then the adjustment.
		expect(planned).toHaveLength(7);
	});
});

describe('a paused room on turns', () => {
	const paused = (at: number): ControlState => ({
		...onTurns,
		pause: { at, timerWasRunning: false }
	});

	test('[A31] the card tells what the window keeps for the resume, not a time of day', () => {
		const view = asyncView(paused(T0 + 2 * HOUR), playbook, ana, inBerlin);
		expect(view?.paused).toBe(
			'Paused for everyone: the deadline waits too. 46 hours left once someone resumes.'
		);
		expect(asyncView(onTurns, playbook, ana, inBerlin)?.paused).toBeUndefined();
	});

	test('[A31] what is left reads in hours to a tenth, and under an hour in whole minutes', () => {
		expect(formatLeft(5.5 * HOUR, 'de')).toBe('5,5 Stunden');
		expect(formatLeft(HOUR, 'es')).toBe('1 hora');
		expect(formatLeft(20 * 60_000 + 1, 'en')).toBe('21 minutes');
	});
});
