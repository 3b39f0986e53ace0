import { playbookSchema, type Playbook } from '../../src/lib/protocol/playbook';

/**
 * Reads a stored playbook. One that no longer parses (the schema tightened since it was saved)
 * is left out and logged, so it cannot take the library down with it.
 */
export function parseStoredPlaybook(raw: string): Playbook | undefined {
	try {
		const parsed = playbookSchema.safeParse(JSON.parse(raw));
		if (parsed.success) return parsed.data;
		console.warn(
			`[playbooks] a stored playbook no longer parses: ${parsed.error.issues.length} problems`
		);
	} catch {
		console.warn('[playbooks] a stored playbook is not JSON');
	}
	return undefined;
}
