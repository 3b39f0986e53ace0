import { downloadFile } from '../client/download';
import type { Playbook } from '../protocol/playbook';

/** Offers a playbook as a JSON file download, named after its id. */
export function downloadPlaybook(playbook: Playbook): void {
	downloadFile(
		`${playbook.id}.playbook.json`,
		`${JSON.stringify(playbook, null, '\t')}\n`,
		'application/json'
	);
}
