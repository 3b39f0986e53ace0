import { error } from '@sveltejs/kit';
import { ROOM_NOT_FOUND } from '$lib/protocol/http';
import { roomIdSchema } from '$lib/protocol/ids';
import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const roomId = roomIdSchema.safeParse(params.roomId);
	if (!roomId.success) error(404, ROOM_NOT_FOUND);
	const room = await directory().getRoom(roomId.data);
	const playbook = room && (await directory().findPlaybook(room.playbookId));
	if (!room || !playbook) error(404, ROOM_NOT_FOUND);
	return { roomId: room.id, playbook };
};
