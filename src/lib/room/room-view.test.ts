import { describe, expect, test } from 'vitest';
import type { ControlState } from '../protocol/control';
import type { PresenceStatus } from '../protocol/presence';
import {
	canControl,
	eraseAgreementText,
	handsChange,
	handsQueue,
	hasAgreed,
	isHost,
	namer,
	othersPresent,
	readyText,
	removable,
	removeFocusAfter,
	tally,
	type RosterEntry
} from './room-view';

const entry = (name: string, status: PresenceStatus = 'connected'): RosterEntry => ({
	participantId: `${name.toLowerCase()}-0001`,
	name,
	status
});
const ana = entry('Ana');
const ben = entry('Ben', 'away');
const cy = entry('Cy');
const dee = entry('Dee', 'gone');
const roster = [ana, ben, cy, dee];
const id = (person: RosterEntry) => person.participantId;

const hosted = (participantId: string, controlLocked: boolean): Pick<ControlState, 'host'> => ({
	host: { participantId, controlLocked }
});

describe('names', () => {
	test('a listed person is named as the roster names them', () => {
		const nameOf = namer({ [id(ana)]: { name: 'Old name', roleId: 'speaker' } }, roster);
		expect(nameOf(id(ana))).toBe('Ana');
	});

	test('someone no longer listed is named as the room recorded them', () => {
		const nameOf = namer({ 'eve-0001': { name: 'Eve', roleId: 'listener' } }, roster);
		expect(nameOf('eve-0001')).toBe('Eve');
	});

	test('someone the room has no record of is named as unknown', () => {
		expect(namer({}, roster)('zed-0001')).toBe('Someone who has left');
	});
});

describe('control rights', () => {
	test('without a host everyone controls phases and timer', () => {
		expect(canControl({ host: null }, id(ana))).toBe(true);
	});

	test('a host who has not locked control leaves it to everyone', () => {
		expect(canControl(hosted(id(ben), false), id(ana))).toBe(true);
	});

	test('locked control is the host’s alone', () => {
		expect(canControl(hosted(id(ben), true), id(ana))).toBe(false);
		expect(canControl(hosted(id(ben), true), id(ben))).toBe(true);
	});

	test('only the person holding the host role is the host', () => {
		expect(isHost(hosted(id(ben), false), id(ben))).toBe(true);
		expect(isHost(hosted(id(ben), false), id(ana))).toBe(false);
		expect(isHost({ host: null }, id(ana))).toBe(false);
	});
});

test('a person has agreed once their id is among those who confirmed', () => {
	expect(hasAgreed({ agreed: [id(ben)] }, id(ben))).toBe(true);
	expect(hasAgreed({ agreed: [id(ben)] }, id(ana))).toBe(false);
});

describe('ready tally', () => {
	test('splits the people present, in roster order, and leaves out those who are gone', () => {
		expect(tally([id(cy), id(dee), id(ana)], roster)).toEqual({
			done: ['Ana', 'Cy'],
			waiting: ['Ben']
		});
	});

	test('names who is ready and who the room waits for', () => {
		expect(readyText({ done: ['Ana', 'Ben'], waiting: ['Cy'] })).toBe(
			'Ready: Ana, Ben · waiting for Cy'
		);
	});

	test('says when nobody is ready yet', () => {
		expect(readyText({ done: [], waiting: ['Ana', 'Ben'] })).toBe('Nobody is ready yet');
	});

	test('says when everyone is ready', () => {
		expect(readyText({ done: ['Ana', 'Ben'], waiting: [] })).toBe(
			'Ready: Ana, Ben · everyone is ready'
		);
	});
});

describe('agreeing to erase', () => {
	test('names who agreed and who the room still waits for', () => {
		expect(eraseAgreementText(tally([id(ana)], roster))).toBe('Agreed: Ana · waiting for Ben, Cy');
	});

	test('says when nobody has agreed yet', () => {
		expect(eraseAgreementText({ done: [], waiting: ['Ana'] })).toBe(
			'Nobody has agreed to erase the room yet'
		);
	});
});

describe('raised hands', () => {
	test('the queue keeps the order of raising and names everyone, even who has left', () => {
		const control = {
			hands: [id(cy), 'eve-0001', id(ana)],
			people: { 'eve-0001': { name: 'Eve', roleId: 'observer' } }
		};
		expect(handsQueue(control, roster)).toEqual([
			{ participantId: id(cy), name: 'Cy' },
			{ participantId: 'eve-0001', name: 'Eve' },
			{ participantId: id(ana), name: 'Ana' }
		]);
	});

	const nameOf = namer({}, roster);

	test('a hand raised is announced with the number of hands up', () => {
		expect(handsChange([id(cy)], [id(cy), id(ana)], nameOf)).toBe(
			'Ana raised a hand. Hands up: 2.'
		);
	});

	test('a hand lowered is announced, and the last one leaves no hands up', () => {
		expect(handsChange([id(cy)], [], nameOf)).toBe('Cy’s hand is down. No hands up.');
	});

	test('an unchanged queue announces nothing', () => {
		expect(handsChange([id(cy), id(ana)], [id(cy), id(ana)], nameOf)).toBe('');
	});
});

describe('host choices', () => {
	test('the host role can go to anyone present but the host', () => {
		expect(othersPresent(roster, id(ana)).map((person) => person.name)).toEqual(['Ben', 'Cy']);
	});

	test('the host can remove anyone listed but themselves and those already removed', () => {
		expect(removable(roster, { removed: [id(cy)] }, id(ana)).map((person) => person.name)).toEqual([
			'Ben',
			'Dee'
		]);
	});

	test('after a removal focus goes to the next person still listed, else the one before, else nowhere', () => {
		const before = ['ben', 'cy', 'dee'];
		expect(removeFocusAfter(before, before, 'cy')).toBe('dee');
		expect(removeFocusAfter(before, ['ben', 'dee'], 'cy')).toBe('dee');
		expect(removeFocusAfter(before, ['ben', 'dee'], 'ben')).toBe('dee');
		expect(removeFocusAfter(before, ['ben', 'cy'], 'cy')).toBe('ben');
		expect(removeFocusAfter(before, ['ben', 'cy'], 'dee')).toBe('cy');
		expect(removeFocusAfter(before, ['cy'], 'cy')).toBeUndefined();
		expect(removeFocusAfter(before, [], 'ben')).toBeUndefined();
	});

	test('someone who joined while the removal was on its way takes focus when nobody seen is left', () => {
		expect(removeFocusAfter(['cy'], ['cy', 'eve'], 'cy')).toBe('eve');
		expect(removeFocusAfter(['cy'], ['eve'], 'cy')).toBe('eve');
		expect(removeFocusAfter(['ben', 'cy'], ['eve', 'ben'], 'cy')).toBe('ben');
	});
});
