import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';

type Options = { locale?: Locale };
type Label = (options: Options) => string;

/** The form's label of each playbook field, by its name in the file (playbook-format.md). */
const FIELD_LABELS: Record<string, Label> = {
	title: (o) => m.pages_form_title({}, o),
	summary: (o) => m.pages_form_summary({}, o),
	purpose: (o) => m.pages_form_purpose({}, o),
	outcomes: (o) => m.pages_form_outcomes({}, o),
	skills: (o) => m.pages_form_skills({}, o),
	minutes: (o) => m.pages_form_minutes({}, o),
	difficulty: (o) => m.pages_form_level({}, o),
	language: (o) => m.pages_form_language({}, o),
	min: (o) => m.pages_form_fewest({}, o),
	max: (o) => m.pages_form_most({}, o),
	author: (o) => m.pages_form_author({}, o),
	roles: (o) => m.pages_form_roles({}, o),
	name: (o) => m.pages_form_name({}, o),
	brief: (o) => m.pages_form_brief({}, o),
	rotation: (o) => m.pages_form_rotation({}, o),
	speakerRole: (o) => m.pages_form_speaker({}, o),
	rounds: (o) => m.pages_form_rounds({}, o),
	roundPerPerson: (o) => m.pages_form_turn_per_person_label({}, o),
	agreements: (o) => m.pages_form_agreements({}, o),
	adviceHints: (o) => m.pages_form_advice({}, o),
	phases: (o) => m.pages_form_phases({}, o),
	durationSec: (o) => m.pages_form_timebox({}, o),
	tool: (o) => m.pages_form_tool({}, o),
	repeatsPerRound: (o) => m.pages_form_repeats({}, o),
	prompts: (o) => m.pages_form_prompts({}, o),
	debrief: (o) => m.pages_form_debrief({}, o),
	pitfalls: (o) => m.pages_form_pitfalls({}, o),
	pitfall: (o) => m.pages_form_pitfall({}, o),
	rescue: (o) => m.pages_form_rescue({}, o),
	closing: (o) => m.pages_form_closing({}, o)
};

/** An item of a list whose entries the form numbers by what they are (Role 2, Phase 3). */
const NUMBERED: Record<string, (number: number, options: Options) => string> = {
	roles: (number, o) => m.pages_form_role_n({ number }, o),
	phases: (number, o) => m.pages_form_phase_n({ number }, o),
	pitfalls: (number, o) => m.pages_form_pitfall_n({ number }, o)
};

/** A problem path as written (`phases[2].prompts[0]`), split into names and indices. */
function segments(path: string): (string | number)[] {
	return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, name, index]) =>
		index === undefined ? (name ?? '') : Number(index)
	);
}

/**
 * A playbook problem's path as the form names the field, in the person's language:
 * `phases[2].prompts[0]` is "Phase 3, Prompts, item 1", `roles[0].name` "Role 1, Name". A part
 * the form has no label for (a translation's language, an unknown field) stays as written.
 */
export function fieldLabel(path: string, options: Options = {}): string {
	const parts = segments(path);
	const labels: string[] = [];
	const replaceLast = (label: string) => labels.splice(-1, 1, label);
	parts.forEach((part, index) => {
		const parent = parts[index - 1];
		if (typeof part === 'number') {
			const numbered = typeof parent === 'string' ? NUMBERED[parent] : undefined;
			// A numbered entry stands for its list: "Phase 3", not "Phases, Phase 3".
			replaceLast(
				numbered
					? numbered(part + 1, options)
					: m.pages_list_item({ label: labels.at(-1) ?? '', number: part + 1 }, options)
			);
		} else if (parent === 'instructions') {
			// A phase's instructions are keyed by role id.
			replaceLast(m.pages_form_what_role_does({ role: part }, options));
		} else if (parent === 'translations') {
			replaceLast(m.pages_form_translation_into({ language: part }, options));
		} else if (part === 'summary' && typeof parent === 'number') {
			labels.push(m.pages_form_what_happens({}, options));
		} else if (part !== 'groupSize') {
			labels.push(FIELD_LABELS[part]?.(options) ?? part);
		}
	});
	return labels.join(', ');
}

/** Problems by path as `label: message` lines, for a list above the form. */
export function labelledProblems(
	byPath: ReadonlyMap<string, readonly string[]>,
	options: Options = {}
): string[] {
	return [...byPath].flatMap(([path, messages]) =>
		messages.map((message) => (path ? `${fieldLabel(path, options)}: ${message}` : message))
	);
}
