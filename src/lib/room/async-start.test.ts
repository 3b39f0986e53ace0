import { expect, test } from 'vitest';
import { activeListeningSprint } from '../playbooks/built-in/active-listening-sprint';
import { playbookSchema } from '../protocol/playbook';
import { turnPhases, windowsFromHours } from './async-start';

test('the starter sets windows for the phases that run as turns only', () => {
	const playbook = playbookSchema.parse(activeListeningSprint);
	expect(turnPhases(playbook).map((phase) => phase.id)).toEqual([
		'story',
		'paraphrase',
		'rating',
		'micro-adjustment'
	]);
});

test('hours become windows in ms on whole minutes, with a decimal point or comma', () => {
	expect(windowsFromHours({ story: '24', paraphrase: '1,5', rating: '2.25' })).toEqual({
		ok: true,
		windowsMs: { story: 86_400_000, paraphrase: 5_400_000, rating: 8_100_000 }
	});
});

test('hours outside 1 to 168, empty or not a number name the phases to fix', () => {
	expect(windowsFromHours({ story: '0.5', paraphrase: '169', rating: '', tune: 'soon' })).toEqual({
		ok: false,
		wrong: ['story', 'paraphrase', 'rating', 'tune']
	});
});
