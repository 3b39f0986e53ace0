import { describe, expect, test } from 'vitest';
import { callPlace, roomSectionTabs, tabAfterKey, type RoomSection } from './room-sections';

const ids: RoomSection[] = ['now', 'people', 'host', 'more'];

describe('roomSectionTabs', () => {
	test('the session comes first, then people, host and more', () => {
		expect(roomSectionTabs({ present: 2, hands: 0 }).map((tab) => tab.id)).toEqual(ids);
	});

	test('the people tab counts who is here, and raised hands only when there are some', () => {
		const people = (present: number, hands: number) => {
			const tab = roomSectionTabs({ present, hands }).find(({ id }) => id === 'people');
			return [tab?.badge, tab?.alert?.words];
		};
		expect(people(3, 0)).toEqual(['3', undefined]);
		expect(people(5, 1)).toEqual(['5', '1 raised hand']);
		expect(people(5, 2)).toEqual(['5', '2 raised hands']);
	});
});

describe('tabAfterKey', () => {
	test('arrows move to the neighbour and wrap around at the ends', () => {
		expect(tabAfterKey(ids, 'now', 'ArrowRight')).toBe('people');
		expect(tabAfterKey(ids, 'more', 'ArrowRight')).toBe('now');
		expect(tabAfterKey(ids, 'now', 'ArrowLeft')).toBe('more');
	});

	test('Home and End go to the first and last tab', () => {
		expect(tabAfterKey(ids, 'host', 'Home')).toBe('now');
		expect(tabAfterKey(ids, 'people', 'End')).toBe('more');
	});

	test('any other key, or a tab not in the list, moves nowhere', () => {
		expect(tabAfterKey(ids, 'now', 'Enter')).toBeUndefined();
		expect(tabAfterKey(['now', 'people'], 'host', 'ArrowRight')).toBeUndefined();
	});
});

describe('callPlace', () => {
	test('on a phone the call card is under the timer once a link is shared, else under More; beside the session on a wide screen', () => {
		expect(callPlace(true, true)).toBe('now');
		expect(callPlace(true, false)).toBe('more');
		expect(callPlace(false, true)).toBe('side');
		expect(callPlace(false, false)).toBe('side');
	});
});
