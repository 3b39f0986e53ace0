import { playbookSchema, type Playbook } from '../protocol/playbook';
import { activeListeningSprint } from './active-listening-sprint';

/** The built-in playbooks, parsed once so that a broken one fails at start-up, not in a room. */
export const builtInPlaybooks: readonly Playbook[] = [activeListeningSprint].map((playbook) =>
	playbookSchema.parse(playbook)
);

export function findPlaybook(id: string): Playbook | undefined {
	return builtInPlaybooks.find((playbook) => playbook.id === id);
}
