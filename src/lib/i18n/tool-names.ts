import { assertNever } from '$lib/assert-never';
import { m } from '$lib/paraglide/messages';
import type { PHASE_TOOLS } from '$lib/protocol/playbook';

/** A phase's tool, as the playbook format names it. */
type PhaseTool = (typeof PHASE_TOOLS)[number];

/** A phase's tool as the playbook page names it, in the reader's language; none for no tool. */
export function toolName(tool: PhaseTool): string | undefined {
	switch (tool) {
		case 'none':
			return undefined;
		case 'notes':
			return m.pages_tool_notes();
		case 'paraphrase':
			return m.pages_tool_paraphrase();
		case 'rating':
			return m.pages_tool_rating();
		case 'feedback-builder':
			return m.pages_tool_feedback_builder();
		case 'script':
			return m.pages_tool_script();
		case 'silence':
			return m.pages_tool_silence();
		case 'two-sentences':
			return m.pages_tool_two_sentences();
		case 'commitment':
			return m.pages_tool_commitment();
		case 'reflection':
			return m.pages_tool_reflection();
		default:
			return assertNever(tool);
	}
}
