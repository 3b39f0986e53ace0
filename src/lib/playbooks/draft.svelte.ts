import { SavedSnapshot } from '../client/saved-snapshot.svelte';
import { m } from '../paraglide/messages';
import { newPlaybookSchema, type Playbook, type PlaybookInput } from '../protocol/playbook';
import { parseWithProblems, type Parsed } from '../protocol/problems';
import { editTranslations, fittingTranslations } from './draft-translations';
import { personLocale, type Locale } from './locale';
import { localizePlaybook } from './localize';

/** A playbook being written in the form: like the file format, but fields may be blank. */
type Draft = Omit<PlaybookInput, 'phases' | 'adviceHints'> & {
	adviceHints: string[];
	phases: (Omit<PlaybookInput['phases'][number], 'durationSec'> & {
		durationSec?: number | null | undefined;
	})[];
};

/** The server gives a saved playbook its own id; the form validates with this stand-in. */
const DRAFT_ID = 'draft';

/** An empty playbook in the person's language, with one agreement to start from. */
function blank(author: string): Draft {
	const language = personLocale();
	return {
		id: DRAFT_ID,
		title: '',
		summary: '',
		purpose: '',
		outcomes: [''],
		skills: [],
		minutes: 20,
		difficulty: 'starter',
		groupSize: { min: 2, max: 2 },
		roles: [
			{ id: 'role-1', name: '', brief: '' },
			{ id: 'role-2', name: '', brief: '' }
		],
		rotation: 'none',
		rounds: 1,
		agreements: [m.pages_form_first_agreement({}, { locale: language })],
		adviceHints: [],
		phases: [],
		debrief: [''],
		pitfalls: [],
		closing: '',
		author,
		version: '1.0.0',
		language
	};
}

/** An id not yet used in `taken`: role-3, phase-7… */
function freshId(prefix: string, taken: { id: string }[]): string {
	for (let n = taken.length + 1; ; n++) {
		const id = `${prefix}-${n}`;
		if (!taken.some((item) => item.id === id)) return id;
	}
}

/** Moves a list entry one place up (-1) or down (1), within the list. */
export function moveItem<T>(list: T[], index: number, by: -1 | 1): void {
	const target = index + by;
	if (target < 0 || target >= list.length) return;
	[list[index], list[target]] = [list[target]!, list[index]!];
}

/**
 * The playbook form's state: the draft, its validation by the shared schema (every problem,
 * also by field path), and the edits the form offers.
 */
export class PlaybookDraft {
	value = $state<Draft>(blank(''));

	/** The draft as the schema sees it: a blank timebox is no timebox. */
	readonly input = $derived<PlaybookInput>({
		...this.value,
		id: DRAFT_ID,
		translations: fittingTranslations(this.value),
		phases: this.value.phases.map(({ durationSec, instructions, ...rest }) => {
			// A blank instruction is no instruction: the room shows that role's brief instead.
			const phase = {
				...rest,
				instructions: Object.fromEntries(
					Object.entries(instructions).filter(([, text]) => text.trim())
				)
			};
			return durationSec === null || durationSec === undefined ? phase : { ...phase, durationSec };
		})
	});
	readonly parsed: Parsed<Playbook> = $derived(parseWithProblems(newPlaybookSchema, this.input));

	/** The draft as it started (blank, a copy, a file), to tell whether it was changed since. */
	readonly #start: SavedSnapshot<Draft>;

	constructor(start?: Playbook | PlaybookInput, author = '') {
		if (start) {
			this.value = structuredClone({
				...start,
				adviceHints: start.adviceHints ?? [],
				author: author || start.author
			}) as Draft;
		} else {
			this.value = blank(author);
		}
		this.#start = new SavedSnapshot(() => this.value);
	}

	/**
	 * Whether the draft differs from how it started: work a reload would lose, as the draft lives
	 * in memory only until it is saved (the language switcher asks first, `unsaved-work.ts`).
	 */
	get unsaved(): boolean {
		return this.#start.unsaved;
	}

	/**
	 * A copy of an existing playbook to adapt, credited to the new author: a playbook of their
	 * own, in the language they read it in (`locale`, where it has that language), without the
	 * original's translations, which would no longer say what the copy says.
	 */
	static copyOf(playbook: Playbook, author: string, locale: Locale): PlaybookDraft {
		const shown = localizePlaybook(playbook, locale);
		const title = m.pages_new_my_version({ title: shown.title }, { locale }).slice(0, 80);
		return new PlaybookDraft({ ...shown, title }, author);
	}

	problemsAt(path: string): string[] {
		return this.parsed.ok ? [] : (this.parsed.byPath.get(path) ?? []);
	}

	addRole(): void {
		this.value.roles.push({ id: freshId('role', this.value.roles), name: '', brief: '' });
		editTranslations(this.value.translations, 'roles', (roles) => roles.push({}));
	}

	/** Removes a role, what each phase told it to do, and its turns across time zones. */
	removeRole(index: number): void {
		const [removed] = this.value.roles.splice(index, 1);
		if (!removed) return;
		for (const phase of this.value.phases) {
			delete phase.instructions[removed.id];
			const turnBy = phase.turnBy?.filter((id) => id !== removed.id);
			if (turnBy?.length) phase.turnBy = turnBy;
			else delete phase.turnBy;
		}
		editTranslations(this.value.translations, 'roles', (roles) => roles.splice(index, 1));
	}

	addPhase(): void {
		this.value.phases.push({
			id: freshId('phase', this.value.phases),
			title: '',
			durationSec: 180,
			summary: '',
			instructions: Object.fromEntries(this.value.roles.map((role) => [role.id, ''])),
			prompts: [],
			tool: 'none',
			repeatsPerRound: false
		});
		editTranslations(this.value.translations, 'phases', (phases) => phases.push({}));
	}

	removePhase(index: number): void {
		this.value.phases.splice(index, 1);
		editTranslations(this.value.translations, 'phases', (phases) => phases.splice(index, 1));
	}

	movePhase(index: number, by: -1 | 1): void {
		moveItem(this.value.phases, index, by);
		editTranslations(this.value.translations, 'phases', (phases) => moveItem(phases, index, by));
	}

	addPitfall(): void {
		this.value.pitfalls ??= [];
		this.value.pitfalls.push({ pitfall: '', rescue: '' });
		editTranslations(this.value.translations, 'pitfalls', (pitfalls) => pitfalls.push({}));
	}

	removePitfall(index: number): void {
		this.value.pitfalls?.splice(index, 1);
		editTranslations(this.value.translations, 'pitfalls', (pitfalls) => pitfalls.splice(index, 1));
	}
}
