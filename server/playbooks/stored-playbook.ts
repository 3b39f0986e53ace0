import { playbookSchema, type Playbook } from '../../src/lib/protocol/playbook';
import { log } from '../log';

/**
 * Reads a stored playbook. One that no longer parses (the schema tightened since it was saved)
 * is left out and logged, so it cannot take the library down with it.
 */
export function parseStoredPlaybook(raw: string): Playbook | undefined {
	try {
		const parsed = playbookSchema.safeParse(JSON.parse(raw));
		if (parsed.success) return parsed.data;
		log.playbooks.warn(
			{ problems: parsed.error.issues.length },
			'a stored playbook no longer parses'
		);
	} catch {
		log.playbooks.warn('a stored playbook is not JSON');
	}
	return undefined;
}
