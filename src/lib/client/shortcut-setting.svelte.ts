import { readStored, writeStored } from './identity';

const OFF_KEY = 'practice-room:shortcuts-off';

/**
 * Whether this browser uses the room's single-key shortcuts. They can be turned off and stay off
 * (WCAG 2.1.4): a screen reader's browse mode and speech input send letters never meant for the
 * room. Shared, so every button stops announcing a key that no longer does anything.
 */
class ShortcutSetting {
	#on = $state(readStored(OFF_KEY) !== 'true');

	get on(): boolean {
		return this.#on;
	}

	set on(on: boolean) {
		this.#on = on;
		writeStored(OFF_KEY, String(!on));
	}
}

export const shortcutSetting = new ShortcutSetting();
