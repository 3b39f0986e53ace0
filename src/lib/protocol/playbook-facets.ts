/**
 * The skills and levels a playbook is filed under: plain lists, apart from playbook.ts's schemas,
 * so the library's filters use them without loading zod.
 */

export const SKILLS = [
	'listening',
	'feedback',
	'empathy',
	'collaboration',
	'coaching',
	'recognition',
	'problem-solving',
	'trust'
] as const;
export type Skill = (typeof SKILLS)[number];

export const DIFFICULTIES = ['starter', 'practised', 'advanced'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
