import { assertNever } from '../../src/lib/assert-never';
import type { PlaybookStore } from './playbook-store';

/** What the operator's `npm run playbooks -- <command>` asks for (docs/operations.md). */
export type OperatorCommand =
	| { type: 'hide'; id: string }
	| { type: 'show'; id: string }
	| { type: 'delete'; id: string }
	| { type: 'count' }
	| { type: 'hidden' };

export const OPERATOR_USAGE = `Usage: npm run playbooks -- <command>
  hide <id>     stop listing and serving a community playbook (kept; "show" undoes it)
  show <id>     list and serve a hidden playbook again
  delete <id>   delete a community playbook for good
  count         how many community playbooks are listed and how many hidden
  hidden        the ids of the hidden ones, newest first, one a line`;

/** Reads the command line; anything else is undefined (the caller prints the usage). */
export function parseOperatorCommand(args: readonly string[]): OperatorCommand | undefined {
	const [type, id, ...rest] = args;
	if (rest.length > 0) return undefined;
	if (type === 'count' || type === 'hidden') return id === undefined ? { type } : undefined;
	if (id === undefined || id === '') return undefined;
	if (type === 'hide' || type === 'show' || type === 'delete') return { type, id };
	return undefined;
}

/** Runs a command against the store; answers the line to print and whether it succeeded. */
export async function runOperatorCommand(
	command: OperatorCommand,
	store: PlaybookStore
): Promise<{ ok: boolean; message: string }> {
	const missing = (id: string) => ({
		ok: false,
		message: `There is no community playbook "${id}".`
	});
	switch (command.type) {
		case 'hide':
			return (await store.setHidden(command.id, true))
				? { ok: true, message: `Hid ${command.id}: it is no longer listed or served.` }
				: missing(command.id);
		case 'show':
			return (await store.setHidden(command.id, false))
				? { ok: true, message: `Showed ${command.id}: it is listed and served again.` }
				: missing(command.id);
		case 'delete':
			return (await store.delete(command.id))
				? { ok: true, message: `Deleted ${command.id}.` }
				: missing(command.id);
		case 'count': {
			const [listed, hidden] = await Promise.all([store.count(), store.hiddenCount()]);
			return {
				ok: true,
				message: `${listed} community playbooks are listed and ${hidden} hidden; COMMUNITY_PLAYBOOKS_MAX counts both.`
			};
		}
		case 'hidden':
			return { ok: true, message: (await store.hiddenIds()).join('\n') };
		default:
			return assertNever(command);
	}
}
