import { expect, test } from 'vitest';
import { hasUnsavedWork, holdUnsavedWork } from './unsaved-work';

test('the page holds unsaved work while a holder says so, and not once it lets go', () => {
	let recorded = false;
	const letGo = holdUnsavedWork(() => recorded);
	expect(hasUnsavedWork()).toBe(false);
	recorded = true;
	expect(hasUnsavedWork()).toBe(true);
	letGo();
	expect(hasUnsavedWork()).toBe(false);
});
