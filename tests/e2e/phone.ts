import type { Page } from '@playwright/test';

/** A common phone's screen, in CSS pixels. */
export const PHONE = { width: 390, height: 844 };

/** Every visible button, link-button or tab: its words, height and tap highlight colour. */
const buttonsOn = (page: Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('button, .button, [role="tab"]')]
			.filter((element) => element.checkVisibility() && !element.closest('.visually-hidden'))
			.map((element) => ({
				words: element.textContent?.trim(),
				height: element.getBoundingClientRect().height,
				tapHighlight: getComputedStyle(element).getPropertyValue('-webkit-tap-highlight-color')
			}))
	);

/** Every visible button or link-button shorter than a thumb (44 px), by its words. */
export const smallTargets = async (page: Page) =>
	(await buttonsOn(page)).filter((button) => button.height < 44).map((button) => button.words);

/**
 * Every visible button or link-button a tap would flash the browser's highlight over, by its
 * words: a tinted square over the whole box, a grey box around a pill-shaped button.
 */
export const tapFlashes = async (page: Page) =>
	(await buttonsOn(page))
		.filter((button) => button.tapHighlight !== 'rgba(0, 0, 0, 0)')
		.map((button) => button.words);

/**
 * What sticks out sideways inside `selector`: visible elements whose box passes the viewport's
 * edges, by tag and words; and whether the page itself scrolls sideways.
 */
export const overflowOf = (page: Page, selector: string) =>
	page.locator(selector).evaluate((root) => {
		const width = document.documentElement.clientWidth;
		const outside = [root, ...root.querySelectorAll<HTMLElement>('*')]
			.filter((element) => element.checkVisibility())
			.filter((element) => {
				const box = element.getBoundingClientRect();
				return box.left < 0 || box.right > width + 0.5;
			})
			.map((element) => `${element.tagName}: ${element.textContent?.trim().slice(0, 40)}`);
		return { outside, pageScrolls: document.documentElement.scrollWidth > width };
	});
