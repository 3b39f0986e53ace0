import { assertNever } from '$lib/assert-never';
import { m } from '$lib/paraglide/messages';
import type { Difficulty, Skill } from '$lib/protocol/playbook-facets';
import type { ROTATIONS } from '$lib/protocol/playbook';

/** A skill as people read it, in their language (the data keeps the English id). */
export function skillName(skill: Skill): string {
	switch (skill) {
		case 'listening':
			return m.pages_skill_listening();
		case 'feedback':
			return m.pages_skill_feedback();
		case 'empathy':
			return m.pages_skill_empathy();
		case 'collaboration':
			return m.pages_skill_collaboration();
		case 'coaching':
			return m.pages_skill_coaching();
		case 'recognition':
			return m.pages_skill_recognition();
		case 'problem-solving':
			return m.pages_skill_problem_solving();
		case 'trust':
			return m.pages_skill_trust();
		default:
			return assertNever(skill);
	}
}

/** A level as people read it, in their language. */
export function difficultyName(difficulty: Difficulty): string {
	switch (difficulty) {
		case 'starter':
			return m.pages_level_starter();
		case 'practised':
			return m.pages_level_practised();
		case 'advanced':
			return m.pages_level_advanced();
		default:
			return assertNever(difficulty);
	}
}

/** How roles rotate, as the authoring form names it. */
export function rotationName(rotation: (typeof ROTATIONS)[number]): string {
	switch (rotation) {
		case 'none':
			return m.pages_rotation_none();
		case 'swap-each-round':
			return m.pages_rotation_swap();
		case 'round-robin':
			return m.pages_rotation_circle();
		default:
			return assertNever(rotation);
	}
}
