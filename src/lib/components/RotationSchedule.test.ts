import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import { activeListeningSprint } from '$lib/playbooks/built-in/active-listening-sprint';
import { playbookSchema, type Playbook } from '$lib/protocol/playbook';
import { castInRound, type Seat } from '$lib/room/rotation';
import RotationSchedule from './RotationSchedule.svelte';

const sprint = playbookSchema.parse(activeListeningSprint);
const circle: Playbook = {
	...sprint,
	roles: [...sprint.roles, { id: 'observer', name: 'Observer', brief: 'Watch and note.' }],
	rotation: 'round-robin',
	rounds: 3
};
const seats: Seat[] = ['Ana', 'Ben', 'Cy', 'Di'].map((name, index) => ({
	participantId: `${name.toLowerCase()}-0001`,
	name,
	roleId: index === 0 ? 'speaker' : 'observer',
	present: true
}));

const text = (html: string) =>
	html
		.replace(/<!--.*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');
const items = (html: string) => [...html.matchAll(/<li([^>]*)>(.*?)<\/li>/gs)];

describe('rotation schedule', () => {
	test('lists who speaks in each round, marks the current one and names who speaks next', () => {
		const cast = castInRound(circle, seats, 2);
		const { body } = render(RotationSchedule, { props: { playbook: circle, cast } });
		const rounds = items(body);
		expect(
			rounds.map(([, attributes, inner]) => [
				attributes?.includes('aria-current="step"'),
				text(inner ?? '').trim()
			])
		).toEqual([
			[false, 'Round 1 Ana speaks · Listener: Ben · Observer: Cy and Di'],
			[true, 'Round 2 Ben speaks · Listener: Cy · Observer: Di and Ana'],
			[false, 'Round 3 Cy speaks · Listener: Di · Observer: Ana and Ben']
		]);
		expect(text(body)).toContain('Next: Cy speaks');
	});

	test('names nobody next in the last round', () => {
		const cast = castInRound(circle, seats, 3);
		const { body } = render(RotationSchedule, { props: { playbook: circle, cast } });
		expect(body).not.toContain('Next:');
	});

	test('a past round keeps who spoke after they left; later rounds go to those who have not spoken (issue 19.3)', () => {
		const benLeft = seats.map((seat) => (seat.name === 'Ben' ? { ...seat, present: false } : seat));
		const turns = [
			{ round: 1, participantId: 'ana-0001' },
			{ round: 2, participantId: 'ben-0001' }
		];
		const four: Playbook = { ...circle, rounds: 4 };
		const cast = castInRound(four, benLeft, 3, turns);
		const { body } = render(RotationSchedule, { props: { playbook: four, cast } });
		expect(items(body).map(([, , inner]) => text(inner ?? '').trim())).toEqual([
			'Round 1 Ana speaks · Listener: Cy · Observer: Di',
			'Round 2 Ben speaks · Listener: Cy · Observer: Di and Ana',
			'Round 3 Cy speaks · Listener: Di · Observer: Ana',
			'Round 4 Di speaks · Listener: Ana · Observer: Cy'
		]);
	});
});
