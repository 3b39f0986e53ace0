import { playbookSchema, type Playbook } from '../protocol/playbook';
import { builtInSources } from './built-in';
import { builtInTranslations } from './built-in/translations';

/** The built-in collection, parsed once so that a broken one fails at start-up, not in a room. */
export const builtInPlaybooks: readonly Playbook[] = builtInSources.map((playbook) =>
	playbookSchema.parse({ ...playbook, translations: builtInTranslations[playbook.id] })
);

export function findBuiltInPlaybook(id: string): Playbook | undefined {
	return builtInPlaybooks.find((playbook) => playbook.id === id);
}
