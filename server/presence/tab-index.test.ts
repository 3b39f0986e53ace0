import { describe, expect, test } from 'vitest';
import { TabIndex, type Tab } from './tab-index';

const tab = (roomId: string, participantId: string, name = participantId) => ({
	roomId,
	participant: { participantId },
	name
});
type NamedTab = ReturnType<typeof tab> & Tab;

const names = (tabs: NamedTab[]) => tabs.map((t) => t.name);

describe('the index of this instance’s tabs', () => {
	test('finds a person’s tabs in a room, in the order they joined', () => {
		const index = new TabIndex<NamedTab>();
		index.add('s1', tab('room-a', 'ann', 'ann 1'));
		index.add('s2', tab('room-a', 'bo'));
		index.add('s3', tab('room-a', 'ann', 'ann 2'));
		index.add('s4', tab('room-b', 'ann', 'ann elsewhere'));
		expect(names(index.tabsOf('room-a', 'ann'))).toEqual(['ann 1', 'ann 2']);
		expect(names(index.tabsOf('room-b', 'ann'))).toEqual(['ann elsewhere']);
		expect(index.tabsOf('room-b', 'bo')).toEqual([]);
		expect(index.get('s3')?.name).toBe('ann 2');
	});

	test('a socket joining again is taken out of where it was, and is its person’s latest tab', () => {
		const index = new TabIndex<NamedTab>();
		index.add('s1', tab('room-a', 'ann', 'first'));
		index.add('s2', tab('room-a', 'ann', 'second'));
		index.add('s1', tab('room-a', 'ann', 'first again'));
		expect(names(index.tabsOf('room-a', 'ann'))).toEqual(['second', 'first again']);
		index.add('s2', tab('room-b', 'ann', 'moved'));
		expect(names(index.tabsOf('room-a', 'ann'))).toEqual(['first again']);
		expect(names(index.tabsOf('room-b', 'ann'))).toEqual(['moved']);
	});

	test('a tab closing leaves the person’s other tabs; their last one closing leaves none', () => {
		const index = new TabIndex<NamedTab>();
		index.add('s1', tab('room-a', 'ann', 'first'));
		index.add('s2', tab('room-a', 'ann', 'second'));
		expect(index.remove('s1')?.name).toBe('first');
		expect(names(index.tabsOf('room-a', 'ann'))).toEqual(['second']);
		expect(index.remove('s2')?.name).toBe('second');
		expect(index.tabsOf('room-a', 'ann')).toEqual([]);
		expect(index.anyIn('room-a')).toBeUndefined();
		expect(index.peopleCount).toBe(0);
	});

	test('a socket that is not joined, or closed twice, is nothing to take out', () => {
		const index = new TabIndex<NamedTab>();
		index.add('s1', tab('room-a', 'ann'));
		expect(index.remove('s2')).toBeUndefined();
		index.remove('s1');
		expect(index.remove('s1')).toBeUndefined();
		expect(index.get('s1')).toBeUndefined();
	});

	test('counts people once per room, however many tabs they have', () => {
		const index = new TabIndex<NamedTab>();
		index.add('s1', tab('room-a', 'ann'));
		index.add('s2', tab('room-a', 'ann'));
		index.add('s3', tab('room-a', 'bo'));
		index.add('s4', tab('room-b', 'ann'));
		expect(index.peopleCount).toBe(3);
		index.remove('s1');
		expect(index.peopleCount).toBe(3);
		index.remove('s2');
		expect(index.peopleCount).toBe(2);
	});

	test('lists each person in each room once, with their tabs', () => {
		const index = new TabIndex<NamedTab>();
		index.add('s1', tab('room-a', 'ann', 'ann 1'));
		index.add('s2', tab('room-a', 'bo'));
		index.add('s3', tab('room-a', 'ann', 'ann 2'));
		index.add('s4', tab('room-b', 'ann', 'ann b'));
		expect(
			[...index.people()].map(({ roomId, participantId, tabs }) => [
				roomId,
				participantId,
				names(tabs)
			])
		).toEqual([
			['room-a', 'ann', ['ann 1', 'ann 2']],
			['room-a', 'bo', ['bo']],
			['room-b', 'ann', ['ann b']]
		]);
	});

	test('finds some tab in a room while anyone is in it', () => {
		const index = new TabIndex<NamedTab>();
		index.add('s1', tab('room-a', 'ann'));
		index.add('s2', tab('room-a', 'bo'));
		expect(index.anyIn('room-a')?.name).toBe('ann');
		index.remove('s1');
		expect(index.anyIn('room-a')?.name).toBe('bo');
		expect(index.anyIn('room-b')).toBeUndefined();
	});

	test('a room’s tabs are taken out together, and nobody else’s', () => {
		const index = new TabIndex<NamedTab>();
		index.add('s1', tab('room-a', 'ann'));
		index.add('s2', tab('room-a', 'ann'));
		index.add('s3', tab('room-b', 'bo'));
		expect(index.removeRoom('room-a')).toHaveLength(2);
		expect(index.get('s1')).toBeUndefined();
		expect(index.tabsOf('room-a', 'ann')).toEqual([]);
		expect(index.peopleCount).toBe(1);
		expect(index.removeRoom('room-a')).toEqual([]);
		expect(names(index.clear())).toEqual(['bo']);
		expect(index.peopleCount).toBe(0);
		expect([...index.people()]).toEqual([]);
	});
});
