import { describe, expect, test } from 'vitest';
import { circleRequestSchema, MAX_PERSON_NAME_CHARS, monthKeySchema } from './circle';
import { parseWithProblems } from './problems';

const memberKey = 'k'.repeat(22);
const problemsOf = (input: unknown) => {
	const parsed = parseWithProblems(circleRequestSchema, input);
	return parsed.ok ? [] : parsed.problems;
};

describe('circle requests', () => {
	test('[T20] texts are trimmed, and a null author posts anonymously', () => {
		const parsed = circleRequestSchema.parse({
			type: 'highlight',
			memberKey,
			text: '  Thanks  ',
			author: null
		});
		expect(parsed).toEqual({ type: 'highlight', memberKey, text: 'Thanks', author: null });
	});

	test('[T20] every problem is named by its path; unknown fields are refused', () => {
		expect(
			problemsOf({
				type: 'nomination',
				memberKey,
				nominee: 'x'.repeat(MAX_PERSON_NAME_CHARS + 1),
				text: '   ',
				author: null,
				extra: 1
			})
		).toEqual([
			`nominee: must be at most ${MAX_PERSON_NAME_CHARS} characters`,
			'text: must not be empty',
			'has unknown field: extra'
		]);
	});

	test('[T23] a shelf pick must name its proposer and a playbook id', () => {
		expect(
			problemsOf({ type: 'shelf', memberKey, playbookId: 'Not An Id', author: null })
		).toHaveLength(2);
	});

	test('an unknown type is refused', () => {
		expect(problemsOf({ type: 'poll', memberKey })).toHaveLength(1);
	});

	test('months are YYYY-MM with a real month', () => {
		expect(monthKeySchema.safeParse('2026-12').success).toBe(true);
		expect(monthKeySchema.safeParse('2026-13').success).toBe(false);
		expect(monthKeySchema.safeParse('2026-1').success).toBe(false);
	});
});
