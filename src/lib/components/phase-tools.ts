import type { ComponentLoader } from '$lib/client/lazy-load';
import type { ContentDoc } from '$lib/client/content-doc';
import type { StepMoves } from '$lib/client/step-moves.svelte';
import type { MemberTicket } from '$lib/protocol/ids';
import type { PhaseToolKind, Playbook, PlaybookPhase } from '$lib/protocol/playbook';
import { feedbackTurnTool, type FeedbackTurnTool } from '$lib/room/feedback-turns';
import type { Cast } from '$lib/room/rotation';
import type { Step } from '$lib/room/steps';
import type { TurnControl, TurnToolPlan } from '$lib/room/turn-tools';

/**
 * What every phase tool is given for the step the room is on; the room itself (control, roster,
 * self, clock, commands) comes from the room context. A tool reads and writes the document only
 * through `content`, the typed adapters next to the document schema.
 */
export interface ToolStep {
	content: ContentDoc;
	/** The round's key: each round has its own tool data. */
	key: string;
	round: number;
	phase: PlaybookPhase;
	/** The playbook as this room plays it, with any rounds people added. */
	playbook: Playbook;
	/** Who plays which role in the current round. */
	cast: Cast;
	/** The role this person plays this round. */
	myRoleId: string | undefined;
	/** This person, as they joined. */
	self: { participantId: string; name: string };
	roomId: string;
	/** Server time in ms since the epoch (the device's until the clock is known). */
	now: () => number;
	/** The moves between steps: a tool's Next rests after a move like the others. */
	moves: Pick<StepMoves, 'go'>;
	/** The moves are not this person's (the host's lock, or watching, A35): a tool offers none. */
	locked: boolean;
	/** Gives this person's rating for a rating step; answers whether the server took it. */
	rate: (value: number) => Promise<boolean>;
	/** What voice clip requests carry (B5): this person's ticket, once joined. */
	clipCredentials: MemberTicket | undefined;
}

export type ToolProps = { step: ToolStep };

/**
 * Where the component of each phase tool comes from, if it has one: every tool a playbook may
 * name has an entry. `notes` is the room's notes, on screen at every step; `none` shows nothing
 * of its own. Each tool is its own chunk, with its messages (and the commitments' calendar
 * files), fetched when a step needs it: the room page's first screen carries none of them.
 */
export const PHASE_TOOL_LOADERS = {
	none: undefined,
	notes: undefined,
	paraphrase: () => import('./ParaphraseTool.svelte'),
	rating: () => import('./RatingTool.svelte'),
	'feedback-builder': () => import('./FeedbackBuilder.svelte'),
	script: () => import('./ScriptTool.svelte'),
	silence: () => import('./SilenceOverlay.svelte'),
	'two-sentences': () => import('./TwoSentences.svelte'),
	commitment: () => import('./CommitmentTool.svelte'),
	reflection: () => import('./DebriefTool.svelte')
} satisfies Record<PhaseToolKind, ComponentLoader<ToolProps> | undefined>;

/**
 * What a feedback rehearsal adds to a step across time zones (protocol A20, A21), each its own
 * chunk like the phase tools.
 */
export const FEEDBACK_TURN_LOADERS = {
	answer: () => import('./FeedbackHeard.svelte'),
	rate: () => import('./FeedbackMatchTool.svelte'),
	recap: () => import('./FeedbackRecap.svelte')
} satisfies Record<FeedbackTurnTool, ComponentLoader<ToolProps>>;

/**
 * The screens the step after `step` will show, if it has any: its phase tool, and across time
 * zones the feedback rehearsal's screen it adds (A20, A21). Fetched while the room is on this
 * step, so moving on never waits on the network.
 */
export function nextTools(
	playbook: TurnToolPlan & Pick<Playbook, 'phases'>,
	control: Pick<TurnControl, 'async'>,
	steps: readonly Step[],
	step: number
): ComponentLoader<ToolProps>[] {
	const next = steps[step + 1];
	const phase = next && playbook.phases[next.phaseIndex];
	if (!next || !phase) return [];
	const feedbackTurn = feedbackTurnTool(playbook, control, next.phaseIndex);
	return [
		PHASE_TOOL_LOADERS[phase.tool],
		feedbackTurn && FEEDBACK_TURN_LOADERS[feedbackTurn]
	].filter((load) => load !== undefined);
}
