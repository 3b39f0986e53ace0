import type { TurnWindows } from '../protocol/control';
import type { Playbook } from '../protocol/playbook';
import { ownValue } from '../protocol/own-key';
import { DEFAULT_WINDOW_HOURS, turnPhases, windowsFromHours } from '../room/async-start';

/** The playbook page's fragment for the choice: a link to it arrives with the box ticked. */
export const ACROSS_TIME_ZONES = 'across-time-zones';

/** What a room starts with: windows to run across time zones, undefined for live, or a wrong field. */
export type TurnsChoice = { windowsMs: TurnWindows } | 'invalid' | undefined;

/**
 * The starter's choice to run a playbook across time zones (protocol A1): the box, the hours typed
 * per turn phase, and the windows they make. The playbook page owns it, so the start button reads
 * `turns` as derived state rather than a value a child component copies over.
 */
export class TurnWindowsChoice {
	across = $state(false);
	#hours = $state<Record<string, string>>({});
	readonly #playbook: () => Playbook;

	constructor(playbook: () => Playbook) {
		this.#playbook = playbook;
	}

	/** The phases a window is set for, in playbook order. */
	readonly phases = $derived.by(() => turnPhases(this.#playbook()));
	/** The hours in each phase's field: as typed, else the default. */
	readonly typed: Record<string, string> = $derived(
		Object.fromEntries(
			this.phases.map((phase) => [
				phase.id,
				ownValue(this.#hours, phase.id) ?? `${DEFAULT_WINDOW_HOURS}`
			])
		)
	);
	readonly #parsed = $derived(windowsFromHours(this.typed));
	/** The room's windows; undefined when it starts live. */
	readonly turns: TurnsChoice = $derived(
		!this.across ? undefined : this.#parsed.ok ? { windowsMs: this.#parsed.windowsMs } : 'invalid'
	);

	/** Ticks the box when the page was opened at the choice (`#across-time-zones`). */
	openFor(hash: string): void {
		if (hash === `#${ACROSS_TIME_ZONES}`) this.across = true;
	}

	/**
	 * Hours other than the default, for a room to start across time zones and not started yet: a
	 * reload would lose them. Hours typed with the box unticked start no turns, so they count not.
	 */
	get unsaved(): boolean {
		// `typed` holds one field per phase and nothing else, so its values are the fields.
		return (
			this.across &&
			Object.values(this.typed).some((hours) => hours.trim() !== `${DEFAULT_WINDOW_HOURS}`)
		);
	}

	/** Takes what was typed into `phaseId`'s field. */
	type(phaseId: string, hours: string): void {
		this.#hours = { ...this.#hours, [phaseId]: hours };
	}

	/** Whether `phaseId`'s field holds no acceptable number of hours. */
	isWrong(phaseId: string): boolean {
		return !this.#parsed.ok && this.#parsed.wrong.includes(phaseId);
	}
}
