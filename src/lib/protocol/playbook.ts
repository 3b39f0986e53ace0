import * as z from 'zod/mini';
import { DIFFICULTIES, SKILLS } from './playbook-facets';
import { MAX_ROUNDS } from './control';
import { playbookIdSchema, roleIdSchema } from './ids';

// zod/mini, like ids.ts: the room page parses with these, and zod's classic API stays off it
// (src/lib/protocol/zod-mini.test.ts).

/** Free text of a bounded length that must say something. */
const text = (max: number) =>
	z
		.string()
		.check(
			z.trim(),
			z.minLength(1, 'must not be empty'),
			z.maxLength(max, `must be at most ${max} characters`)
		);

const list = <T extends z.ZodMiniType>(item: T, min: number, max: number) =>
	z
		.array(item)
		.check(
			z.minLength(min, min === 1 ? 'needs at least one entry' : `needs at least ${min} entries`),
			z.maxLength(max, `must have at most ${max} entries`)
		);

export { DIFFICULTIES, SKILLS };
export const skillSchema = z.enum(SKILLS, { error: `must be one of: ${SKILLS.join(', ')}` });
export type Skill = z.infer<typeof skillSchema>;

export const difficultySchema = z.enum(DIFFICULTIES, {
	error: `must be one of: ${DIFFICULTIES.join(', ')}`
});
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
export const phaseToolSchema = z.enum(PHASE_TOOLS, {
	error: `must be one of: ${PHASE_TOOLS.join(', ')}`
});

/** none: roles stay; swap-each-round: pairs trade roles; round-robin: roles move round a circle. */
export const ROTATIONS = ['none', 'swap-each-round', 'round-robin'] as const;
export const rotationSchema = z.enum(ROTATIONS, {
	error: `must be one of: ${ROTATIONS.join(', ')}`
});

export const playbookRoleSchema = z.strictObject({
	id: roleIdSchema,
	name: text(40),
	brief: text(400)
});
export type PlaybookRole = z.infer<typeof playbookRoleSchema>;

export const playbookPhaseSchema = z.strictObject({
	id: z
		.string()
		.check(z.regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be a lower-case id such as "story"')),
	title: text(80),
	/** The phase's timebox; a phase without one shows no countdown until someone adds time. */
	durationSec: z.optional(
		z
			.number({ error: 'must be a positive number' })
			.check(
				z.int('must be a whole number of seconds'),
				z.positive('must be a positive number'),
				z.maximum(4 * 3600, 'must be at most 4 hours (14400 seconds)')
			)
	),
	/** What happens now, for everyone. */
	summary: text(600),
	/** What each role does in this phase, keyed by role id. */
	instructions: z.record(z.string(), text(600)),
	prompts: list(text(300), 0, 12),
	tool: z._default(phaseToolSchema, 'none'),
	/** Whether the phase is run once per round (roles rotate between rounds). */
	repeatsPerRound: z._default(z.boolean(), false)
});
export type PlaybookPhase = z.infer<typeof playbookPhaseSchema>;

export const pitfallSchema = z.strictObject({ pitfall: text(300), rescue: text(300) });

export const playbookSchema = z
	.strictObject({
		id: playbookIdSchema,
		title: text(80),
		summary: text(200),
		purpose: text(600),
		outcomes: list(text(200), 1, 8),
		skills: list(skillSchema, 1, SKILLS.length),
		minutes: z
			.number({ error: 'must be a positive number' })
			.check(
				z.int('must be a whole number of minutes'),
				z.positive('must be a positive number'),
				z.maximum(240, 'must be at most 240 minutes')
			),
		difficulty: difficultySchema,
		groupSize: z.strictObject({
			min: z
				.number({ error: 'must be a number' })
				.check(
					z.int('must be a whole number'),
					z.minimum(1, 'must be at least 1'),
					z.maximum(12, 'must be at most 12')
				),
			max: z
				.number({ error: 'must be a number' })
				.check(
					z.int('must be a whole number'),
					z.minimum(1, 'must be at least 1'),
					z.maximum(12, 'must be at most 12')
				)
		}),
		roles: list(playbookRoleSchema, 1, 6),
		rotation: rotationSchema,
		/**
		 * The role whose story is the focus: the speaker, who rates how understood they felt
		 * while the others reflect it. Default: the first role.
		 */
		speakerRole: z.optional(roleIdSchema),
		/** How many rounds the phases that repeat per round run. */
		rounds: z._default(
			z
				.number({ error: 'must be a number' })
				.check(
					z.int('must be a whole number'),
					z.minimum(1, 'must be at least 1'),
					z.maximum(MAX_ROUNDS, `must be at most ${MAX_ROUNDS}`)
				),
			1
		),
		/**
		 * One turn per person: the phases that repeat per round run once for each person present,
		 * so everyone speaks once, however many come or go; `rounds` is then only the count shown
		 * before anyone joins. Needs a rotation and phases that repeat per round.
		 */
		roundPerPerson: z._default(z.boolean(), false),
		agreements: list(text(200), 1, 8),
		/**
		 * Phrases that turn listening into advice, added to the built-in list
		 * (`src/lib/room/advice.ts`): the paraphrase tool shows a gentle hint when one appears.
		 */
		adviceHints: z._default(list(text(60), 0, 30), []),
		phases: list(playbookPhaseSchema, 1, 20),
		debrief: list(text(300), 1, 8),
		pitfalls: list(pitfallSchema, 0, 8),
		closing: text(400),
		author: text(80),
		version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0'))
	})
	// Cross-field rules run even when other fields fail, so a file shows every problem at once;
	// the input may then be partly malformed, hence the defensive reading.
	.check(
		z.superRefine((playbook, ctx) => crossFieldRules(playbook, ctx.addIssue), { when: () => true })
	);

/** A whole playbook, as JSON, fits in this; the HTTP body limit leaves room for any encoding. */
export const MAX_PLAYBOOK_CHARACTERS = 100_000;

type IssueSink = (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void;

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, key: string): unknown =>
	typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/**
 * Group size order, rotations that can work, unique role and phase ids, and instructions only for
 * existing roles.
 */
function crossFieldRules(playbook: unknown, addIssue: IssueSink): void {
	const min = field(field(playbook, 'groupSize'), 'min');
	const max = field(field(playbook, 'groupSize'), 'max');
	if (typeof min === 'number' && typeof max === 'number' && min > max) {
		addIssue({ code: 'custom', path: ['groupSize', 'min'], message: 'must not be more than max' });
	}
	const roleIds = asArray(field(playbook, 'roles')).map((role) => field(role, 'id'));
	if (field(playbook, 'rotation') === 'swap-each-round' && roleIds.length !== 2) {
		addIssue({
			code: 'custom',
			path: ['rotation'],
			message: 'swap-each-round needs exactly two roles; use round-robin for more'
		});
	}
	const repeats = asArray(field(playbook, 'phases')).some((p) => field(p, 'repeatsPerRound'));
	if (
		field(playbook, 'roundPerPerson') === true &&
		(field(playbook, 'rotation') === 'none' || !repeats)
	) {
		addIssue({
			code: 'custom',
			path: ['roundPerPerson'],
			message: 'needs a rotation and at least one phase that repeats per round'
		});
	}
	const size = JSON.stringify(playbook)?.length ?? 0;
	if (size > MAX_PLAYBOOK_CHARACTERS) {
		addIssue({
			code: 'custom',
			path: [],
			message: `is too long altogether (${size} characters; at most ${MAX_PLAYBOOK_CHARACTERS})`
		});
	}
	const speakerRole = field(playbook, 'speakerRole');
	if (typeof speakerRole === 'string' && !roleIds.includes(speakerRole)) {
		addIssue({
			code: 'custom',
			path: ['speakerRole'],
			message: `names an unknown role "${speakerRole}"`
		});
	}
	roleIds.forEach((id, index) => {
		if (typeof id === 'string' && roleIds.indexOf(id) !== index) {
			addIssue({
				code: 'custom',
				path: ['roles', index, 'id'],
				message: `repeats the role id "${id}"`
			});
		}
	});
	const phases = asArray(field(playbook, 'phases'));
	const phaseIds = phases.map((phase) => field(phase, 'id'));
	phases.forEach((phase, index) => {
		const id = phaseIds[index];
		if (typeof id === 'string' && phaseIds.indexOf(id) !== index) {
			addIssue({
				code: 'custom',
				path: ['phases', index, 'id'],
				message: `repeats the phase id "${id}"`
			});
		}
		const instructions = field(phase, 'instructions');
		if (typeof instructions !== 'object' || instructions === null) return;
		for (const roleId of Object.keys(instructions)) {
			if (!roleIds.includes(roleId)) {
				addIssue({
					code: 'custom',
					path: ['phases', index, 'instructions', roleId],
					message: `names an unknown role "${roleId}"`
				});
			}
		}
	});
}
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
	community: z.boolean()
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
		community
	};
}
