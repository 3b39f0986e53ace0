import { describe, expect, test } from 'vitest';
import type { StoredCircleItem } from '../protocol/circle';
import { builtInChallenge } from './circle-challenges';
import { circleView, type LibraryEntry } from './circle-view';

const TEAM = 'AAAAAAAAAAAAAAAAAAAAAA';
const NOW = Date.UTC(2026, 4, 20, 12);
const at = (month: number, day: number) => Date.UTC(2026, month, day);
let n = 0;
const item = <T extends StoredCircleItem['type']>(
	type: T,
	createdAt: number,
	rest: Omit<Extract<StoredCircleItem, { type: T }>, 'id' | 'type' | 'month' | 'createdAt'>
): StoredCircleItem =>
	// reason: the spread of a narrowed Omit and its discriminant is that member of the union.
	({
		id: `item-${++n}`,
		type,
		month: new Date(createdAt).toISOString().slice(0, 7),
		createdAt,
		...rest
	}) as StoredCircleItem;

const library: LibraryEntry[] = [
	{ id: 'active-listening', title: 'Active Listening', createdAt: 0 },
	{ id: 'new-one', title: 'New One', createdAt: at(3, 2) },
	{ id: 'last-quarter', title: 'Last Quarter', createdAt: at(2, 30) }
];

describe('the circle view', () => {
	test('[T21] without a proposal last month the built-in challenge shows, with this month’s marks counted', () => {
		const view = circleView(
			TEAM,
			[item('tried', at(4, 2), {}), item('tried', at(4, 3), {}), item('tried', at(3, 30), {})],
			library,
			NOW
		);
		expect(view.challenge).toEqual({
			text: builtInChallenge(TEAM, '2026-05'),
			author: null,
			builtIn: true,
			tried: 2
		});
		expect(view.nextChallenge).toBeNull();
	});

	test('[T21] the first challenge proposed last month is this month’s; one proposed this month is next month’s', () => {
		const view = circleView(
			TEAM,
			[
				item('challenge', at(3, 20), { text: 'Later one', author: null }),
				item('challenge', at(3, 10), { text: 'Ask twice', author: 'Ana' }),
				item('challenge', at(4, 3), { text: 'Next one', author: null })
			],
			library,
			NOW
		);
		expect(view.challenge).toMatchObject({ text: 'Ask twice', author: 'Ana', builtIn: false });
		expect(view.nextChallenge).toEqual({ text: 'Next one', author: null });
	});

	test('[T22] this month’s highlights and nominations show together, newest first; older months are archived', () => {
		const view = circleView(
			TEAM,
			[
				item('highlight', at(4, 1), { text: 'Thanks Ben', author: null }),
				item('nomination', at(4, 5), { nominee: 'Cy', text: 'Ready to try', author: 'Ana' }),
				item('highlight', at(3, 9), { text: 'April story', author: 'Di' }),
				item('highlight', at(1, 9), { text: 'February story', author: null })
			],
			library,
			NOW
		);
		expect(view.posts.map((p) => p.type)).toEqual(['nomination', 'highlight']);
		expect(view.archive.map((a) => [a.month, a.posts.map((p) => p.text)])).toEqual([
			['2026-04', ['April story']],
			['2026-02', ['February story']]
		]);
	});

	test('[T23] the shelf shows each pick with who proposed it; a playbook gone from the library is left out', () => {
		const view = circleView(
			TEAM,
			[
				item('shelf', at(4, 2), { playbookId: 'active-listening', author: 'Ana' }),
				item('shelf', at(4, 3), { playbookId: 'deleted-one', author: 'Ben' })
			],
			library,
			NOW
		);
		expect(view.shelf).toEqual([
			expect.objectContaining({
				playbook: { id: 'active-listening', title: 'Active Listening' },
				author: 'Ana'
			})
		]);
	});

	test('[T23] new this quarter lists only playbooks added since the quarter began', () => {
		expect(circleView(TEAM, [], library, NOW).newThisQuarter).toEqual([
			{ id: 'new-one', title: 'New One' }
		]);
	});

	test('[T23] new this quarter lists the newest 50 at most, newest first', () => {
		const many: LibraryEntry[] = Array.from({ length: 60 }, (_, i) => ({
			id: `p${i}`,
			title: `Playbook ${i}`,
			createdAt: at(3, 2) + i
		}));
		const listed = circleView(TEAM, [], many, NOW).newThisQuarter.map((p) => p.id);
		expect(listed).toHaveLength(50);
		expect(listed[0]).toBe('p59');
		expect(listed.at(-1)).toBe('p10');
	});
});
