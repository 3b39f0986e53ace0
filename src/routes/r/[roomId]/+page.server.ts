import { error } from '@sveltejs/kit';
import { roomIdSchema } from '$lib/protocol/ids';
import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

const NOT_FOUND = 'This room does not exist or has ended.';

export const load: PageServerLoad = async ({ params }) => {
	const roomId = roomIdSchema.safeParse(params.roomId);
	if (!roomId.success) error(404, NOT_FOUND);
	const room = await directory().getRoom(roomId.data);
	const playbook = room && (await directory().findPlaybook(room.playbookId));
	if (!room || !playbook) error(404, NOT_FOUND);
	return { roomId: room.id, playbook };
};
