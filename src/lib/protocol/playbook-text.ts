import * as z from 'zod/mini';
import { m } from '../paraglide/messages';
import { atMostCharacters, says } from './problem-words';

// zod/mini, like playbook.ts: the room page parses with these (src/lib/protocol/zod-mini.test.ts).

/** Free text of a bounded length that must say something. */
export const text = (max: number) =>
	z
		.string()
		.check(
			z.trim(),
			z.minLength(1, says(m.pages_problem_not_empty)),
			z.maxLength(max, atMostCharacters(max))
		);

export const list = <T extends z.ZodMiniType>(item: T, min: number, max: number) =>
	z.array(item).check(
		z.minLength(
			min,
			says(() =>
				min === 1 ? m.pages_problem_min_one_entry() : m.pages_problem_min_entries({ min })
			)
		),
		z.maxLength(
			max,
			says(() => m.pages_problem_max_entries({ max }))
		)
	);

/**
 * Every text of a playbook a person reads, with its limit: one definition for the playbook and
 * for its translations (playbook-translation.ts), so a translation is held to the same lengths.
 */
export const playbookText = {
	title: text(80),
	summary: text(200),
	purpose: text(600),
	outcome: text(200),
	roleName: text(40),
	roleBrief: text(400),
	phaseTitle: text(80),
	phaseSummary: text(600),
	instruction: text(600),
	prompt: text(300),
	agreement: text(200),
	adviceHint: text(60),
	debrief: text(300),
	pitfall: text(300),
	rescue: text(300),
	closing: text(400)
};

/** How many entries each list of a playbook may have. */
export const playbookLists = {
	outcomes: { min: 1, max: 8 },
	roles: { min: 1, max: 6 },
	agreements: { min: 1, max: 8 },
	adviceHints: { min: 0, max: 30 },
	phases: { min: 1, max: 20 },
	prompts: { min: 0, max: 12 },
	debrief: { min: 1, max: 8 },
	pitfalls: { min: 0, max: 8 }
} as const;
