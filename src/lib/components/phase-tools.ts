import type { Component } from 'svelte';
import type { ContentDoc } from '$lib/client/content-doc';
import type { StepMoves } from '$lib/client/step-moves.svelte';
import type { ClipCredentials } from '$lib/protocol/clips';
import type { PhaseToolKind, Playbook, PlaybookPhase } from '$lib/protocol/playbook';
import type { Cast } from '$lib/room/rotation';
import CommitmentTool from './CommitmentTool.svelte';
import DebriefTool from './DebriefTool.svelte';
import FeedbackBuilder from './FeedbackBuilder.svelte';
import ParaphraseTool from './ParaphraseTool.svelte';
import RatingTool from './RatingTool.svelte';
import ScriptTool from './ScriptTool.svelte';
import SilenceOverlay from './SilenceOverlay.svelte';
import TwoSentences from './TwoSentences.svelte';

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
	/** Gives this person's rating for a rating step; answers whether the server took it. */
	rate: (value: number) => Promise<boolean>;
	/** What voice clip requests carry (B5): this person's ticket, once joined. */
	clipCredentials: ClipCredentials | undefined;
}

export type ToolProps = { step: ToolStep };

/**
 * The component each phase tool shows, if any: every tool a playbook may name has an entry.
 * `notes` is the room's notes, on screen at every step; `none` shows nothing of its own.
 */
export const PHASE_TOOL_VIEWS = {
	none: undefined,
	notes: undefined,
	paraphrase: ParaphraseTool,
	rating: RatingTool,
	'feedback-builder': FeedbackBuilder,
	script: ScriptTool,
	silence: SilenceOverlay,
	'two-sentences': TwoSentences,
	commitment: CommitmentTool,
	reflection: DebriefTool
} satisfies Record<PhaseToolKind, Component<ToolProps> | undefined>;
