import type { Playbook } from '../protocol/playbook';

/** Offers a playbook as a JSON file download, named after its id. */
export function downloadPlaybook(playbook: Playbook): void {
	const blob = new Blob([`${JSON.stringify(playbook, null, '\t')}\n`], {
		type: 'application/json'
	});
	const link = document.createElement('a');
	link.href = URL.createObjectURL(blob);
	link.download = `${playbook.id}.playbook.json`;
	link.click();
	setTimeout(() => URL.revokeObjectURL(link.href), 1_000);
}
