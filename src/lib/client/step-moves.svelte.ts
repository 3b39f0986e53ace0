import { holdAfterMove, isHeld, type MoveHold } from '../room/phase-hold';

/** What this screen shows of the room's step. */
export interface ShownStep {
	step: number;
	/** Who moved the room there (`control.movedBy`); null when it moved on by itself. */
	movedBy: string | null;
	phaseTitle: string;
	selfId: string;
}

/**
 * This screen's moves between steps, wherever they are offered (the phase card's Next and
 * Previous, the silence screen's Next): after the room's step changes they all rest for a moment
 * (`phase-hold.ts`), so no press meant for the step before can skip the new one. Create it while
 * the room page initialises; it stops with the page.
 */
export class StepMoves {
	/** The last move seen, and why the moves rest after it. */
	hold = $state<MoveHold | undefined>();
	/** Whether the moves rest now, to draw them so; `go` asks the clock itself. */
	held = $state(false);
	#previousStep: number | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		shown: () => ShownStep | undefined,
		nameOf: (participantId: string) => string | undefined,
		private readonly send: (target: number) => void
	) {
		$effect(() => {
			const now = shown();
			if (now === undefined) return;
			const { step, movedBy, phaseTitle, selfId } = now;
			if (this.#previousStep !== undefined && this.#previousStep !== step) {
				const seenAt = performance.now();
				const hold = holdAfterMove({ movedBy, phaseTitle, seenAt }, selfId, nameOf);
				this.hold = hold;
				this.held = true;
				clearTimeout(this.#timer);
				this.#timer = setTimeout(() => (this.held = false), hold.until - seenAt);
			}
			this.#previousStep = step;
		});
		$effect(() => () => clearTimeout(this.#timer));
	}

	/**
	 * Whether the moves rest now. The clock decides, not the timer that redraws them: it may fire
	 * late.
	 */
	resting(): boolean {
		return isHeld(this.hold, performance.now());
	}

	/** Moves the room to `target`, unless the moves rest. */
	go(target: number): void {
		if (!this.resting()) this.send(target);
	}
}
