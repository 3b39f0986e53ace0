import type * as Y from 'yjs';
import { sendShoutOut } from './shout-outs';
import { m } from '$lib/paraglide/messages';

/** The shout-out form's state: to whom, for what, and the outcome of sending. */
export class ShoutOutDraft {
	toParticipantId = $state('');
	behaviour = $state('');
	kindUnderPressure = $state(false);
	problems = $state<string[]>([]);
	/** Said once a shout-out went out, for the live region. */
	status = $state('');

	/** What was typed is not in the room yet: a reload would lose it. */
	get unsaved(): boolean {
		return this.behaviour.trim() !== '';
	}

	/** Adds the shout-out to the room's document; answers whether it went out. */
	send(doc: Y.Doc, from: { participantId: string; name: string; toName: string }, at: number) {
		const result = sendShoutOut(
			doc,
			{
				id: crypto.randomUUID().replaceAll('-', ''),
				fromParticipantId: from.participantId,
				fromName: from.name,
				toParticipantId: this.toParticipantId,
				behaviour: this.behaviour,
				kindUnderPressure: this.kindUnderPressure
			},
			at
		);
		this.problems = result.ok ? [] : result.problems;
		if (!result.ok) return false;
		this.status = m.practice_shout_out_sent({ name: from.toName });
		this.behaviour = '';
		this.kindUnderPressure = false;
		return true;
	}
}
