// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Missing } from '$lib/not-found';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** On a 404, what was not found: the error page's words follow it, not the address. */
			missing?: Missing;
		}
	}
}

export {};
