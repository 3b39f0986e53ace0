import { roomLocale } from '$lib/i18n/room-locale';
import { personLocale } from '$lib/playbooks/locale';
import { loadRoomPage } from '$lib/server/room-page';
import type { PageServerLoad } from './$types';

/** The playbook as the projecting browser reads it, and the screen's words in its language. */
export const load: PageServerLoad = async ({ params }) => {
	const viewer = personLocale();
	const page = await loadRoomPage(params.roomId, viewer);
	return { ...page, locale: roomLocale(page.playbook, viewer) };
};
