import * as z from 'zod/mini';
import { list, playbookLists, playbookText as t } from './playbook-text';

// zod/mini, like playbook.ts: the room page parses with these (src/lib/protocol/zod-mini.test.ts).

/** Languages one playbook may be translated into, besides its own. */
export const MAX_TRANSLATIONS = 10;

const optionalList = <T extends z.ZodMiniType>(item: T, key: keyof typeof playbookLists) =>
	z.optional(list(item, 0, playbookLists[key].max));

/**
 * A phase in another language. Each field is optional: what is missing is shown in the
 * playbook's own language (src/lib/playbooks/localize.ts). Lists follow the original entry by
 * entry (playbook-rules.ts checks their lengths).
 */
export const phaseTranslationSchema = z.strictObject({
	title: z.optional(t.phaseTitle),
	summary: z.optional(t.phaseSummary),
	/** Keyed by role id, like the original phase's instructions. */
	instructions: z.optional(z.record(z.string(), t.instruction)),
	prompts: optionalList(t.prompt, 'prompts')
});

/** A role's name and brief in another language. */
export const roleTranslationSchema = z.strictObject({
	name: z.optional(t.roleName),
	brief: z.optional(t.roleBrief)
});

export const pitfallTranslationSchema = z.strictObject({
	pitfall: z.optional(t.pitfall),
	rescue: z.optional(t.rescue)
});

/**
 * Every text of a playbook a person reads, in one other language. Ids, timings, tools and the
 * author stay with the original; `adviceHints` are not a translation of the original's but the
 * phrases that sound like advice in this language, added to them.
 */
export const playbookTranslationSchema = z.strictObject({
	title: z.optional(t.title),
	summary: z.optional(t.summary),
	purpose: z.optional(t.purpose),
	outcomes: optionalList(t.outcome, 'outcomes'),
	roles: optionalList(roleTranslationSchema, 'roles'),
	agreements: optionalList(t.agreement, 'agreements'),
	adviceHints: optionalList(t.adviceHint, 'adviceHints'),
	phases: optionalList(phaseTranslationSchema, 'phases'),
	debrief: optionalList(t.debrief, 'debrief'),
	pitfalls: optionalList(pitfallTranslationSchema, 'pitfalls'),
	closing: z.optional(t.closing)
});
export type PlaybookTranslation = z.infer<typeof playbookTranslationSchema>;
