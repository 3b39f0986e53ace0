import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import { ServerClock } from '$lib/client/server-clock.svelte';
import { m } from '$lib/paraglide/messages';
import type { ProjectorPlan } from '$lib/room/projector-view';
import ProjectorScreen from './ProjectorScreen.svelte';
import { control } from './room-controls.fixture';

/** A playbook with no German translation: a German screen shows its texts in French. */
const french: ProjectorPlan & { language: string } = {
	language: 'fr',
	roles: [{ id: 'speaker' }, { id: 'listener' }],
	rotation: 'round-robin',
	phases: [
		{ title: 'Accueil', summary: 'Dites comment vous allez.', prompts: [] },
		{ title: 'Écoute', summary: 'Écoutez sans interrompre.', prompts: ['Un moment marquant'] }
	]
};

let screen: ReturnType<typeof mount> | undefined;

/** The screen in German at `step`, mounted as the projector page mounts it once connected. */
function showScreen(step: number) {
	screen = mount(ProjectorScreen, {
		target: document.body,
		props: {
			playbook: french,
			control: control({ step }),
			roster: [],
			// Never started: the clock's time plays no part here.
			clock: new ServerClock(() => Promise.resolve(0)),
			joinUrl: 'https://practice.example/r/AAAAAAAAAAAAAAAAAAAAAA',
			locale: 'de'
		}
	});
	flushSync();
}

const element = (selector: string) => {
	const found = document.body.querySelector(selector);
	if (!found) throw new Error(`nothing matches ${selector}`);
	return found;
};

afterEach(() => {
	if (screen) void unmount(screen);
	screen = undefined;
});

describe('the projector marks the playbook’s texts with the playbook’s language', () => {
	test('the phase’s title and its summary as prompt are French on a German screen', () => {
		showScreen(0);
		expect(element('h1').textContent).toBe('Accueil');
		expect(element('h1').getAttribute('lang')).toBe('fr');
		expect(element('.prompt').textContent).toBe('Dites comment vous allez.');
		expect(element('.prompt').getAttribute('lang')).toBe('fr');
	});

	test('a phase’s first prompt too, while the screen’s own words stay in its language', () => {
		showScreen(1);
		expect(element('h1').getAttribute('lang')).toBe('fr');
		expect(element('.prompt').textContent).toBe('Un moment marquant');
		expect(element('.prompt').getAttribute('lang')).toBe('fr');
		const progress = element('.progress');
		expect(progress.textContent).toContain(
			m.room_projector_step({ step: 2, total: 2 }, { locale: 'de' })
		);
		expect(progress.closest('[lang]')).toBeNull();
	});
});
