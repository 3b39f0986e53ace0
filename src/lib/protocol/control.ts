import { z } from 'zod';

/**
 * The phase timer, stored as anchors in server time (ms since the epoch), never as ticks:
 * every screen computes the remaining time itself from these values and its clock offset.
 */
export const timerStateSchema = z.discriminatedUnion('status', [
	/** Not started in this phase: shows the whole duration. */
	z.object({ status: z.literal('idle'), durationMs: z.number().int().nonnegative() }),
	/** Counting down: remaining = startedAt + durationMs - now. */
	z.object({
		status: z.literal('running'),
		durationMs: z.number().int().nonnegative(),
		startedAt: z.number().int().nonnegative()
	}),
	z.object({
		status: z.literal('paused'),
		durationMs: z.number().int().nonnegative(),
		remainingMs: z.number().int().nonnegative()
	})
]);
export type TimerState = z.infer<typeof timerStateSchema>;

/** The room's control map: written by the server only (see docs/document-schema.md). */
export const controlStateSchema = z.object({
	/** Index into the session's steps: the playbook's phases, repeating ones once per round. */
	step: z.number().int().nonnegative(),
	timer: timerStateSchema
});
export type ControlState = z.infer<typeof controlStateSchema>;

/** Name of the root Y.Map that holds {@link ControlState}; only the server writes it. */
export const CONTROL_MAP = 'control';
/** Name of the root Y.Text that holds the shared paraphrase notes. */
export const NOTES_TEXT = 'notes';

/**
 * A request to change the control state. Step changes name an absolute target computed from
 * what the sender saw, so two people pressing Next at once move one step, not two.
 */
export const controlCommandSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('step.goto'), target: z.number().int().nonnegative() }),
	z.object({ type: z.literal('timer.start') }),
	z.object({ type: z.literal('timer.pause') }),
	z.object({ type: z.literal('timer.resume') }),
	z.object({ type: z.literal('timer.reset') }),
	z.object({ type: z.literal('timer.add-minute') })
]);
export type ControlCommand = z.infer<typeof controlCommandSchema>;
