import { describe, expect, test } from 'vitest';
import { builtInPlaybooks } from '../../src/lib/playbooks/library';
import { storedSummaryOf, summaryReader } from './stored-playbook';

const raw = storedSummaryOf(builtInPlaybooks[0]!);
const changed = storedSummaryOf({ ...builtInPlaybooks[0]!, title: 'Renamed' });

describe('stored summaries', () => {
	test('a summary is parsed again only when its stored text changed', () => {
		const read = summaryReader();
		const first = read('a', raw);
		expect(first?.title).toBe(builtInPlaybooks[0]!.title);
		expect(read('a', raw)).toBe(first);
		expect(read('a', changed)?.title).toBe('Renamed');
	});

	test('a summary that does not parse reads as none', () => {
		expect(summaryReader()('a', '{"id":"a"}')).toBeUndefined();
		expect(summaryReader()('a', 'not json')).toBeUndefined();
	});

	test('past its limit the reader forgets the summary parsed longest ago', () => {
		const read = summaryReader(2);
		const a = read('a', raw);
		const b = read('b', raw);
		read('c', raw);
		expect(read('b', raw)).toBe(b);
		expect(read('a', raw)).not.toBe(a);
	});
});
