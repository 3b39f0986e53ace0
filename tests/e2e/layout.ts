import type { Browser, Page } from '@playwright/test';
import { joinRoom } from './fixtures';
import { startRoomFromLibrary } from './start-room';

/** What the layout specs share: screen sizes, people at them, and where things start on a page. */

/** A tablet held upright: wide enough for the room's two columns. */
export const TABLET = { width: 768, height: 1024 };
/** A small phone's screen (many Android phones), where the header is tightest. */
export const SMALL_PHONE = { width: 360, height: 740 };

/** Someone at a screen of `viewport`, in a browser context of their own. */
export async function personAt(
	browser: Browser,
	viewport: { width: number; height: number },
	/** A phone's touch screen and mobile browser, for taps. */
	touch = false
) {
	const context = await browser.newContext({ viewport, hasTouch: touch, isMobile: touch });
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

/** Where an element starts on the page (not the viewport): scrolling does not move it. */
export const pageTop = (page: Page, selector: string) =>
	page.locator(selector).evaluate((element) => element.getBoundingClientRect().top + scrollY);

/** A host who started the room from the library, and a participant who came by its link. */
export async function hostAndParticipant(
	browser: Browser,
	appUrl: string,
	viewport: { width: number; height: number }
): Promise<[Page, Page]> {
	const host = await personAt(browser, viewport);
	await startRoomFromLibrary(host, appUrl, 'active-listening-sprint');
	await joinRoom(host, 'Ana', 'Speaker');
	const guest = await personAt(browser, viewport);
	await guest.goto(host.url());
	await joinRoom(guest, 'Ben', 'Listener');
	return [host, guest];
}
