import * as z from 'zod/mini';
import { m } from '../paraglide/messages';
import { DIFFICULTIES, SKILLS } from './playbook-facets';
import { MAX_ROUNDS } from './control';
import { phaseIdSchema, playbookIdSchema, roleIdSchema } from './ids';
import { DEFAULT_PLAYBOOK_LANGUAGE, isLanguageTag } from './language-tag';
import { oneOf, says } from './problem-words';
import { crossFieldRules, writeRules } from './playbook-rules';
import { list, text, playbookLists as lists, playbookText as t } from './playbook-text';
import { playbookTranslationSchema } from './playbook-translation';
import { runsAsTurns } from './turn-phases';

// zod/mini, like ids.ts: the room page parses with these, and zod's classic API stays off it
// (src/lib/protocol/zod-mini.test.ts).

export { DIFFICULTIES, SKILLS };
export const skillSchema = z.enum(SKILLS, oneOf(SKILLS));
export type Skill = z.infer<typeof skillSchema>;

export const difficultySchema = z.enum(DIFFICULTIES, oneOf(DIFFICULTIES));
export type Difficulty = z.infer<typeof difficultySchema>;

/** The drill tool a phase shows (docs/playbook-format.md describes each). */
export const PHASE_TOOLS = [
	'none',
	'notes',
	'paraphrase',
	'rating',
	'feedback-builder',
	'script',
	'silence',
	'two-sentences',
	'commitment',
	'reflection'
] as const;
export type PhaseToolKind = (typeof PHASE_TOOLS)[number];
export const phaseToolSchema = z.enum(PHASE_TOOLS, oneOf(PHASE_TOOLS));

/** none: roles stay; swap-each-round: pairs trade roles; round-robin: roles move round a circle. */
export const ROTATIONS = ['none', 'swap-each-round', 'round-robin'] as const;
export const rotationSchema = z.enum(ROTATIONS, oneOf(ROTATIONS));

export const languageTagSchema = z
	.string()
	.check(z.refine(isLanguageTag, says(m.pages_problem_language_tag)));

export const playbookRoleSchema = z.strictObject({
	id: roleIdSchema,
	name: t.roleName,
	brief: t.roleBrief
});
export type PlaybookRole = z.infer<typeof playbookRoleSchema>;

export const playbookPhaseSchema = z.strictObject({
	id: phaseIdSchema,
	title: t.phaseTitle,
	/** The phase's timebox; a phase without one shows no countdown until someone adds time. */
	durationSec: z.optional(
		z
			.number(says(m.pages_problem_positive_number))
			.check(
				z.int(says(m.pages_problem_whole_seconds)),
				z.positive(says(m.pages_problem_positive_number)),
				z.maximum(4 * 3600, says(m.pages_problem_at_most_four_hours))
			)
	),
	/** What happens now, for everyone. */
	summary: t.phaseSummary,
	/** What each role does in this phase, keyed by role id. */
	instructions: z.record(z.string(), t.instruction),
	prompts: list(t.prompt, lists.prompts.min, lists.prompts.max),
	tool: z._default(phaseToolSchema, 'none'),
	/** Whether the phase is run once per round (roles rotate between rounds). */
	repeatsPerRound: z._default(z.boolean(), false),
	/**
	 * The roles whose people take a turn in this phase when the room runs across time zones
	 * (`src/lib/room/async-schedule.ts`); a phase without it is passed over in such a room, and a
	 * playbook with none cannot run that way.
	 */
	turnBy: z.optional(z.array(roleIdSchema).check(z.minLength(1), z.maxLength(lists.roles.max)))
});
export type PlaybookPhase = z.infer<typeof playbookPhaseSchema>;

export const pitfallSchema = z.strictObject({ pitfall: t.pitfall, rescue: t.rescue });

/** Either end of a playbook's group size: 1 to 12 people. */
const groupSizeBound = z.number(says(m.pages_problem_number)).check(
	z.int(says(m.pages_problem_whole_number)),
	z.minimum(
		1,
		says(() => m.pages_problem_at_least({ min: 1 }))
	),
	z.maximum(
		12,
		says(() => m.pages_problem_at_most({ max: 12 }))
	)
);

export const playbookSchema = z
	.strictObject({
		id: playbookIdSchema,
		title: t.title,
		summary: t.summary,
		purpose: t.purpose,
		outcomes: list(t.outcome, lists.outcomes.min, lists.outcomes.max),
		skills: list(skillSchema, 1, SKILLS.length),
		minutes: z.number(says(m.pages_problem_positive_number)).check(
			z.int(says(m.pages_problem_whole_minutes)),
			z.positive(says(m.pages_problem_positive_number)),
			z.maximum(
				240,
				says(() => m.pages_problem_at_most_minutes({ max: 240 }))
			)
		),
		difficulty: difficultySchema,
		groupSize: z.strictObject({
			min: groupSizeBound,
			max: groupSizeBound
		}),
		roles: list(playbookRoleSchema, lists.roles.min, lists.roles.max),
		rotation: rotationSchema,
		/**
		 * The role whose story is the focus: the speaker, who rates how understood they felt
		 * while the others reflect it. Default: the first role.
		 */
		speakerRole: z.optional(roleIdSchema),
		/** How many rounds the phases that repeat per round run. */
		rounds: z._default(
			z.number(says(m.pages_problem_number)).check(
				z.int(says(m.pages_problem_whole_number)),
				z.minimum(
					1,
					says(() => m.pages_problem_at_least({ min: 1 }))
				),
				z.maximum(
					MAX_ROUNDS,
					says(() => m.pages_problem_at_most({ max: MAX_ROUNDS }))
				)
			),
			1
		),
		/**
		 * One turn per person: the phases that repeat per round run once for each person present,
		 * so everyone speaks once, however many come or go; `rounds` is then only the count shown
		 * before anyone joins. Needs a rotation and phases that repeat per round.
		 */
		roundPerPerson: z._default(z.boolean(), false),
		agreements: list(t.agreement, lists.agreements.min, lists.agreements.max),
		/**
		 * Phrases that turn listening into advice, added to the built-in list
		 * (`src/lib/room/advice.ts`): the paraphrase tool shows a gentle hint when one appears.
		 */
		adviceHints: z._default(list(t.adviceHint, lists.adviceHints.min, lists.adviceHints.max), []),
		phases: list(playbookPhaseSchema, lists.phases.min, lists.phases.max),
		debrief: list(t.debrief, lists.debrief.min, lists.debrief.max),
		pitfalls: list(pitfallSchema, lists.pitfalls.min, lists.pitfalls.max),
		closing: t.closing,
		author: text(80),
		version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, says(m.pages_problem_version))),
		/** The language the playbook is written in; playbooks from before languages are English. */
		language: z._default(languageTagSchema, DEFAULT_PLAYBOOK_LANGUAGE),
		/**
		 * Its texts in other languages, keyed by language tag; each field optional, the rest shown
		 * in `language` (src/lib/playbooks/localize.ts).
		 */
		translations: z.optional(z.record(z.string(), playbookTranslationSchema))
	})
	// Cross-field rules run even when other fields fail, so a file shows every problem at once.
	.check(
		z.superRefine((playbook, ctx) => crossFieldRules(playbook, ctx.addIssue), { when: () => true })
	);

/**
 * A playbook being written (the API, the form, a file): `playbookSchema` and the write rules.
 * Stored playbooks are read with `playbookSchema` alone, so what was once saved keeps reading.
 */
export const newPlaybookSchema = playbookSchema.check(
	z.superRefine((playbook, ctx) => writeRules(playbook, ctx.addIssue), { when: () => true })
);

export { MAX_PLAYBOOK_CHARACTERS } from './playbook-rules';

export type Playbook = z.infer<typeof playbookSchema>;
/** A playbook as written in a file or form, before defaults are filled in. */
export type PlaybookInput = z.input<typeof playbookSchema>;

/** What the library lists: enough to choose a playbook without its whole flow. */
export const playbookSummarySchema = z.object({
	id: playbookIdSchema,
	title: z.string(),
	summary: z.string(),
	skills: z.array(skillSchema),
	minutes: z.number(),
	difficulty: difficultySchema,
	groupSize: z.object({ min: z.number(), max: z.number() }),
	phaseCount: z.number(),
	author: z.string(),
	/** True for playbooks people saved on this server, false for the built-in collection. */
	community: z.boolean(),
	/**
	 * Some phase runs as turns (`turnBy`, {@link runsAsTurns}), so a room of it can start across
	 * time zones. The server stores it with the summary, and derives a summary stored before the
	 * flag existed from its playbook again (server/playbooks/stored-playbook.ts).
	 */
	turns: z._default(z.boolean(), false),
	/** Summaries stored before playbooks had languages are of English playbooks. */
	language: z._default(z.string(), DEFAULT_PLAYBOOK_LANGUAGE),
	/** The title and summary in the languages the playbook is translated into. */
	translations: z._default(
		z.record(
			z.string(),
			z.object({ title: z.optional(z.string()), summary: z.optional(z.string()) })
		),
		{}
	)
});
export type PlaybookSummary = z.infer<typeof playbookSummarySchema>;

export function summarizePlaybook(playbook: Playbook, community: boolean): PlaybookSummary {
	const { id, title, summary, skills, minutes, difficulty, groupSize, author } = playbook;
	return {
		id,
		title,
		summary,
		skills,
		minutes,
		difficulty,
		groupSize,
		author,
		phaseCount: playbook.phases.length,
		community,
		turns: runsAsTurns(playbook),
		language: playbook.language,
		translations: Object.fromEntries(
			Object.entries(playbook.translations ?? {}).map(([language, translation]) => [
				language,
				{ title: translation.title, summary: translation.summary }
			])
		)
	};
}
