import { tick } from 'svelte';
import { m } from '../paraglide/messages';
import type { ClipRef, ClipUploadReply } from '../protocol/clips';
import type { PlaybookRole } from '../protocol/playbook';
import type { ScriptLine } from '../protocol/room-content';
import { currentTakeId, describeTakes, pausedLineIds, takeScript } from '../room/script';
import { KEPT_LINE, KeptDraft } from './kept-draft.svelte';
import type { ScriptDoc, ScriptEdit } from './script-doc';
import { yReadable } from './y-readable.svelte';

/** What the script tool works with, which the view reads through a getter to follow it. */
export interface ScriptToolProps {
	/** The round's script in the room document. */
	script: ScriptDoc;
	roles: PlaybookRole[];
	/** The role this person plays now; new lines are theirs unless they pick another. */
	myRoleId: string | undefined;
	/** Asks the room to pause the timer; the script records the moment itself. */
	onpause: () => void;
	/** Server time in ms since the epoch. */
	now: () => number;
	/** Where this person's new line is kept while they type it in this step (`roomToolKey`). */
	draftKey: string;
}

type EditFields = Pick<ScriptLine, 'roleId' | 'text' | 'shift'>;

/** Where each key moves the selection in the take tabs, from the selected index. */
const TAB_MOVES: Record<string, (index: number, count: number) => number> = {
	ArrowRight: (index) => index + 1,
	ArrowLeft: (index) => index - 1,
	Home: () => 0,
	End: (_, count) => count - 1
};

/**
 * What the script tool shows and does: the takes and the selected take's lines, the line being
 * edited, the new line's draft, and the status message. Create it while the component
 * initialises, with an id unique to the component (`$props.id()`) for the elements it focuses.
 */
export class ScriptView {
	readonly #props: () => ScriptToolProps;
	readonly #uid: string;

	// Deriveds that read the props do so inside a function: the props are set in the constructor.
	script = $derived.by(() => this.#props().script);
	#readable = $derived(yReadable(this.script, () => this.script.read()));
	#snapshot = $derived(this.#readable.current);
	takes = $derived(describeTakes(this.#snapshot.takes));
	#currentId = $derived(currentTakeId(this.#snapshot.takes));
	/** The take new lines go to: the newest. */
	current = $derived(this.takes.find((take) => take.id === this.#currentId) ?? this.takes[0]);
	// Follows the newest take whenever one starts, from anyone; a tab picks another meanwhile.
	// (An id, not a take object: a new line rebuilds the objects but must keep the tab.)
	#selectedId = $derived(this.#currentId);
	selected = $derived(this.takes.find((take) => take.id === this.#selectedId) ?? this.takes[0]);
	entries = $derived(
		this.selected ? takeScript(this.#snapshot.takes, this.#snapshot.lines, this.selected.id) : []
	);
	/** The ids of the lines the selected take was paused after. */
	paused = $derived(pausedLineIds(this.#snapshot.pauses, this.selected?.id ?? ''));

	status = $state('');
	/**
	 * Why the script did not take a recorded line, shown by the recorder (far below the status
	 * on a phone) and cleared by the next line it takes.
	 */
	voiceProblem = $state('');
	// Kept in the browser as typed, with its role: the language switcher's reload must not lose it.
	#newLine = new KeptDraft(() => this.#props().draftKey, KEPT_LINE);
	#defaultRoleId = $derived.by(() => this.#props().myRoleId ?? this.#props().roles[0]?.id ?? '');
	/** The line being edited and its fields when editing started. */
	editing = $state<{ id: string; start: EditFields } | undefined>();
	// Kept apart from `editing` so the form's bindings never see it gone while it closes.
	draft = $state<EditFields>({ roleId: '', text: '', shift: '' });

	/** The role the new line is said in: the one chosen for it, else this person's, else the first. */
	get newRoleId(): string {
		return this.#newLine.value.roleId || this.#defaultRoleId;
	}

	set newRoleId(roleId: string) {
		this.#newLine.value = { ...this.#newLine.value, roleId };
	}

	/** The new line's text, as typed so far. */
	get newText(): string {
		return this.#newLine.value.text;
	}

	set newText(text: string) {
		this.#newLine.value = { ...this.#newLine.value, text };
	}

	constructor(uid: string, props: () => ScriptToolProps) {
		this.#uid = uid;
		this.#props = props;
		// Say when a take starts, whoever started it, but not for takes already there on opening.
		let announced: { script: ScriptDoc; takeId: string } | undefined;
		$effect(() => {
			const latest = this.takes.at(-1);
			if (!latest) return;
			if (announced?.script === this.script && announced.takeId !== latest.id) {
				this.status = m.tools_take_started({ take: latest.name, origin: latest.origin });
			}
			announced = { script: this.script, takeId: latest.id };
		});
	}

	roleName(roleId: string): string {
		return this.#props().roles.find((role) => role.id === roleId)?.name ?? roleId;
	}

	takeName(takeId: string): string {
		return this.takes.find((take) => take.id === takeId)?.name ?? '';
	}

	editButtonId(lineId: string): string {
		return `${this.#uid}-line-${lineId}-edit`;
	}

	selectTake(takeId: string): void {
		this.#selectedId = takeId;
	}

	/** Adds the drafted line to the newest take and shows that take, where the line now is. */
	addLine(): void {
		if (!this.#report(this.script.addLine(this.newRoleId, this.newText))) return;
		this.newText = '';
		this.#selectedId = this.#currentId;
	}

	/**
	 * Puts a recording that reached the room into the newest take as this person's line, in the
	 * role they play (protocol A24), and shows that take; false when the script refused it.
	 */
	addVoiceLine(reply: ClipUploadReply, owner: { participantId: string; phaseId: string }): boolean {
		const { myRoleId, now } = this.#props();
		const voice: ClipRef = {
			clipId: reply.clipId,
			participantId: owner.participantId,
			phaseId: owner.phaseId,
			type: reply.type,
			durationMs: reply.durationMs,
			at: Math.round(now())
		};
		const added = this.script.addVoiceLine(myRoleId ?? '', voice);
		this.voiceProblem = added.ok ? '' : added.message;
		if (added.ok) this.#selectedId = this.#currentId;
		return added.ok;
	}

	pause(): void {
		const lineNumber = this.script.markPause(this.#props().now());
		this.#props().onpause();
		this.status =
			lineNumber === undefined
				? m.tools_script_paused()
				: m.tools_script_paused_after({ line: lineNumber });
	}

	rewindTo(lineNumber: number): void {
		if (this.selected) {
			this.#report(this.script.rewind(this.selected.id, lineNumber, this.#props().now()));
		}
	}

	toggleStar(lineId: string): void {
		this.#report(this.script.toggleStar(lineId));
	}

	startEditing({ id, roleId, text, shift }: ScriptLine): void {
		this.editing = { id, start: { roleId, text, shift } };
		Object.assign(this.draft, { roleId, text, shift });
	}

	/** Closes the edit form and gives focus back to the line's Edit button. */
	async stopEditing(): Promise<void> {
		const lineId = this.editing?.id;
		this.editing = undefined;
		await tick();
		if (lineId) document.getElementById(this.editButtonId(lineId))?.focus();
	}

	/** Writes only the fields this person changed, so a peer's edit to another field stays. */
	saveEdit(): void {
		if (!this.editing) return;
		const { id, start } = this.editing;
		const changed = (field: keyof EditFields) =>
			this.draft[field] === start[field] ? undefined : this.draft[field];
		const saved =
			this.#report(
				this.script.editLine(id, { roleId: changed('roleId'), text: changed('text') })
			) &&
			(changed('shift') === undefined || this.#report(this.script.setShift(id, this.draft.shift)));
		if (saved) void this.stopEditing();
	}

	/** Arrow keys, Home and End move between the take tabs, selecting and focusing the tab. */
	selectTabWithKeys(event: KeyboardEvent & { currentTarget: HTMLElement }): void {
		const move = TAB_MOVES[event.key];
		if (!move) return;
		event.preventDefault();
		const count = this.takes.length;
		const index = this.takes.findIndex((take) => take.id === this.selected?.id);
		const target = (move(index, count) + count) % count;
		this.#selectedId = this.takes[target]?.id ?? this.#currentId;
		const tabs = event.currentTarget.parentElement?.querySelectorAll<HTMLElement>('[role="tab"]');
		tabs?.[target]?.focus();
	}

	/** Shows why a change was refused, or clears an earlier refusal; true when it went through. */
	#report(result: ScriptEdit): boolean {
		this.status = result.ok ? '' : result.message;
		return result.ok;
	}
}
