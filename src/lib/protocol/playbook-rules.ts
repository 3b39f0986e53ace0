import { m } from '../paraglide/messages';
import { isObjectKey } from './ids';
import { DEFAULT_PLAYBOOK_LANGUAGE, intlNamesLanguage, isLanguageTag } from './language-tag';
import { MAX_TRANSLATIONS } from './playbook-translation';

/** A whole playbook, as JSON, fits in this; the HTTP body limit leaves room for any encoding. */
export const MAX_PLAYBOOK_CHARACTERS = 100_000;

type IssueSink = (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void;

// The rules run even when other fields fail, so a file shows every problem at once; the input
// may then be partly malformed, hence the defensive reading.
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, key: string): unknown =>
	typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Group size order, rotations that can work, unique role and phase ids, instructions only for
 * existing roles, and translations that follow the original.
 */
export function crossFieldRules(playbook: unknown, addIssue: IssueSink): void {
	const min = field(field(playbook, 'groupSize'), 'min');
	const max = field(field(playbook, 'groupSize'), 'max');
	if (typeof min === 'number' && typeof max === 'number' && min > max) {
		addIssue({
			code: 'custom',
			path: ['groupSize', 'min'],
			message: m.pages_problem_min_not_above_max()
		});
	}
	const roleIds = asArray(field(playbook, 'roles')).map((role) => field(role, 'id'));
	if (field(playbook, 'rotation') === 'swap-each-round' && roleIds.length !== 2) {
		addIssue({
			code: 'custom',
			path: ['rotation'],
			message: m.pages_problem_swap_two_roles()
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
			message: m.pages_problem_round_per_person()
		});
	}
	const size = JSON.stringify(playbook)?.length ?? 0;
	if (size > MAX_PLAYBOOK_CHARACTERS) {
		addIssue({
			code: 'custom',
			path: [],
			message: m.pages_problem_too_long_altogether({ size, max: MAX_PLAYBOOK_CHARACTERS })
		});
	}
	const speakerRole = field(playbook, 'speakerRole');
	if (typeof speakerRole === 'string' && !roleIds.includes(speakerRole)) {
		addIssue({
			code: 'custom',
			path: ['speakerRole'],
			message: m.pages_problem_unknown_role({ role: speakerRole })
		});
	}
	roleIds.forEach((id, index) => {
		if (typeof id === 'string' && roleIds.indexOf(id) !== index) {
			addIssue({
				code: 'custom',
				path: ['roles', index, 'id'],
				message: m.pages_problem_repeated_role_id({ id })
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
				message: m.pages_problem_repeated_phase_id({ id })
			});
		}
		unknownRoles(field(phase, 'instructions'), roleIds, ['phases', index], addIssue);
		asArray(field(phase, 'turnBy')).forEach((role, at) => {
			if (typeof role === 'string' && !roleIds.includes(role)) {
				addIssue({
					code: 'custom',
					path: ['phases', index, 'turnBy', at],
					message: m.pages_problem_unknown_role({ role })
				});
			}
		});
	});
	translationRules(playbook, addIssue);
}

/** Instructions (at `phase`.instructions) only for roles the playbook has. */
function unknownRoles(
	instructions: unknown,
	roleIds: unknown[],
	phase: (string | number)[],
	addIssue: IssueSink
): void {
	if (!isRecord(instructions)) return;
	for (const roleId of Object.keys(instructions)) {
		if (!roleIds.includes(roleId)) {
			addIssue({
				code: 'custom',
				path: [...phase, 'instructions', roleId],
				message: m.pages_problem_unknown_role({ role: roleId })
			});
		}
	}
}

/** The lists a translation follows entry by entry. */
const FOLLOWED_LISTS = ['outcomes', 'roles', 'agreements', 'phases', 'debrief', 'pitfalls'];

/**
 * Translations keyed by language tags other than the playbook's own, whose lists have as many
 * entries as the original's (entry n translates entry n), and whose instructions are for the
 * playbook's roles.
 */
function translationRules(playbook: unknown, addIssue: IssueSink): void {
	const roleIds = asArray(field(playbook, 'roles')).map((role) => field(role, 'id'));
	const translations = field(playbook, 'translations');
	if (!isRecord(translations)) return;
	const own = field(playbook, 'language') ?? DEFAULT_PLAYBOOK_LANGUAGE;
	const languages = Object.keys(translations);
	if (languages.length > MAX_TRANSLATIONS) {
		addIssue({
			code: 'custom',
			path: ['translations'],
			message: m.pages_problem_max_languages({ max: MAX_TRANSLATIONS })
		});
	}
	for (const language of languages) {
		const at = (...path: (string | number)[]) => ['translations', language, ...path];
		if (!isLanguageTag(language)) {
			addIssue({
				code: 'custom',
				path: at(),
				message: m.pages_problem_translation_key()
			});
		} else if (language === own) {
			addIssue({
				code: 'custom',
				path: at(),
				message: m.pages_problem_translation_own_language({ own: String(own) })
			});
		}
		const translation = translations[language];
		const lengthRule = (original: unknown, translated: unknown, path: (string | number)[]) => {
			const expected = asArray(original).length;
			if (Array.isArray(translated) && translated.length !== expected) {
				addIssue({
					code: 'custom',
					path,
					message: m.pages_problem_translation_length({
						translated: m.pages_problem_entries({ count: translated.length }),
						expected: m.pages_problem_entries({ count: expected })
					})
				});
			}
		};
		for (const key of FOLLOWED_LISTS) {
			lengthRule(field(playbook, key), field(translation, key), at(key));
		}
		const originals = asArray(field(playbook, 'phases'));
		asArray(field(translation, 'phases')).forEach((phase, index) => {
			const original = originals[index];
			if (original !== undefined) {
				lengthRule(
					field(original, 'prompts'),
					field(phase, 'prompts'),
					at('phases', index, 'prompts')
				);
			}
			unknownRoles(field(phase, 'instructions'), roleIds, at('phases', index), addIssue);
		});
	}
}

/**
 * What a playbook being written must also be (the API, the form, a file), beyond what a stored
 * one is read with: stored playbooks and rooms' copies of them must keep reading. Its language
 * tags are ones `Intl` can name, and its phase and role ids are no object's property names
 * (`constructor` would find a function in the records they key).
 */
export function writeRules(playbook: unknown, addIssue: IssueSink): void {
	const language = field(playbook, 'language');
	if (typeof language === 'string' && isLanguageTag(language) && !intlNamesLanguage(language)) {
		addIssue({ code: 'custom', path: ['language'], message: m.pages_problem_language_unnamed() });
	}
	const translations = field(playbook, 'translations');
	for (const key of isRecord(translations) ? Object.keys(translations) : []) {
		if (isLanguageTag(key) && !intlNamesLanguage(key)) {
			addIssue({
				code: 'custom',
				path: ['translations', key],
				message: m.pages_problem_language_unnamed()
			});
		}
	}
	for (const list of ['roles', 'phases']) {
		asArray(field(playbook, list)).forEach((entry, index) => {
			const id = field(entry, 'id');
			if (typeof id === 'string' && isObjectKey(id)) {
				addIssue({
					code: 'custom',
					path: [list, index, 'id'],
					message: m.pages_problem_reserved_name()
				});
			}
		});
	}
}
