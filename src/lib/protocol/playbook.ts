import { z } from 'zod';
import { playbookIdSchema } from './ids';

const roleIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case role id');

export const playbookRoleSchema = z.object({
	id: roleIdSchema,
	name: z.string().min(1).max(40),
	brief: z.string().min(1).max(400)
});
export type PlaybookRole = z.infer<typeof playbookRoleSchema>;

export const playbookPhaseSchema = z.object({
	id: z.string().min(1).max(60),
	title: z.string().min(1).max(80),
	/** The phase's timebox; a phase without one shows no countdown. */
	durationSec: z
		.number()
		.int()
		.positive()
		.max(4 * 3600)
		.optional(),
	/** What to do now, for everyone. */
	summary: z.string().min(1).max(600),
	/** What each role does in this phase, keyed by role id. */
	instructions: z.record(roleIdSchema, z.string().min(1).max(600)),
	prompts: z.array(z.string().min(1).max(300)).max(12)
});
export type PlaybookPhase = z.infer<typeof playbookPhaseSchema>;

export const playbookSchema = z
	.object({
		id: playbookIdSchema,
		title: z.string().min(1).max(80),
		summary: z.string().min(1).max(200),
		skills: z.array(z.string().min(1).max(40)).min(1),
		minutes: z.number().int().positive(),
		groupSize: z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }),
		roles: z.array(playbookRoleSchema).min(1),
		phases: z.array(playbookPhaseSchema).min(1),
		version: z.string().min(1),
		author: z.string().min(1)
	})
	.superRefine((playbook, ctx) => {
		const roleIds = new Set(playbook.roles.map((role) => role.id));
		playbook.phases.forEach((phase, index) => {
			for (const roleId of Object.keys(phase.instructions)) {
				if (!roleIds.has(roleId)) {
					ctx.addIssue({
						code: 'custom',
						path: ['phases', index, 'instructions', roleId],
						message: `names an unknown role "${roleId}"`
					});
				}
			}
		});
	});
export type Playbook = z.infer<typeof playbookSchema>;

/** What the library lists: enough to choose a playbook without its whole flow. */
export const playbookSummarySchema = z.object({
	id: playbookIdSchema,
	title: z.string(),
	summary: z.string(),
	skills: z.array(z.string()),
	minutes: z.number(),
	groupSize: z.object({ min: z.number(), max: z.number() }),
	phaseCount: z.number()
});
export type PlaybookSummary = z.infer<typeof playbookSummarySchema>;

export function summarizePlaybook(playbook: Playbook): PlaybookSummary {
	const { id, title, summary, skills, minutes, groupSize } = playbook;
	return { id, title, summary, skills, minutes, groupSize, phaseCount: playbook.phases.length };
}
