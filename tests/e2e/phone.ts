import type { Locator, Page } from '@playwright/test';

/** A common phone's screen, in CSS pixels. */
export const PHONE = { width: 390, height: 844 };

/** Buttons, link-buttons and tabs: what a thumb presses. */
const BUTTONS = 'button, .button, [role="tab"]';

/** Every visible element `selector` finds: its words, height and tap highlight colour. */
const controlsOn = (page: Page, selector: string) =>
	page.evaluate(
		(selector) =>
			[...document.querySelectorAll<HTMLElement>(selector)]
				.filter((element) => element.checkVisibility() && !element.closest('.visually-hidden'))
				.map((element) => ({
					words: element.textContent?.trim(),
					height: element.getBoundingClientRect().height,
					tapHighlight: getComputedStyle(element).getPropertyValue('-webkit-tap-highlight-color')
				})),
		selector
	);

/** Every visible button or link-button shorter than a thumb (44 px), by its words. */
export const smallTargets = async (page: Page) =>
	(await controlsOn(page, BUTTONS))
		.filter((button) => button.height < 44)
		.map((button) => button.words);

/**
 * Every visible button, link-button, link or select a tap would flash the browser's highlight
 * over, by its words: a tinted square over the whole box, a grey box around a pill-shaped button.
 */
export const tapFlashes = async (page: Page) =>
	(await controlsOn(page, `${BUTTONS}, a[href], select`))
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

/**
 * Words cut off inside `selector`, for controls a person reads: a visible select narrower than
 * its chosen option needs ("Englis"; a copy sized to its content is wider), and visible elements
 * whose text runs past their box.
 */
export const cutWords = (page: Page, selector: string) =>
	page.locator(selector).evaluate((root) => {
		const seen = (element: HTMLElement) =>
			element.checkVisibility({ opacityProperty: true }) && !element.closest('.visually-hidden');
		const cutSelects = [...root.querySelectorAll<HTMLSelectElement>('select')]
			.filter(seen)
			.filter((select) => {
				const copy = select.cloneNode(true);
				if (!(copy instanceof HTMLSelectElement)) return false;
				copy.style.cssText =
					'position: absolute; visibility: hidden; inline-size: auto; min-inline-size: 0; field-sizing: content';
				select.after(copy);
				copy.value = select.value;
				const needed = copy.getBoundingClientRect().width;
				copy.remove();
				return needed > select.getBoundingClientRect().width + 0.5;
			})
			.map((select) => `select: ${select.selectedOptions[0]?.textContent}`);
		const overflowing = [...root.querySelectorAll('*')]
			.filter((element): element is HTMLElement => element instanceof HTMLElement)
			.filter(seen)
			.filter((element) => element.scrollWidth > element.clientWidth + 1)
			.map((element) => `${element.tagName}: ${element.textContent?.trim().slice(0, 40)}`);
		return [...cutSelects, ...overflowing];
	});

/** Whether an element lies wholly within what its row, which scrolls sideways, shows of it. */
export const wholeInRow = (item: Locator) =>
	item.evaluate((element) => {
		const row = element.parentElement;
		if (!row) return false;
		const left = row.getBoundingClientRect().left + row.clientLeft;
		const box = element.getBoundingClientRect();
		return box.left >= left - 0.5 && box.right <= left + row.clientWidth + 0.5;
	});

/** The outline style of whatever has focus: `none` when the browser draws no ring around it. */
export const focusOutline = (page: Page) =>
	page.evaluate(() =>
		document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : 'none'
	);

/** Presses the mouse down on `target`; answers how to let go elsewhere, pressing nothing. */
export async function holdDown(page: Page, target: Locator): Promise<() => Promise<void>> {
	await target.scrollIntoViewIfNeeded();
	const box = await target.boundingBox();
	if (!box) throw new Error('the element to hold down is not laid out');
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	return async () => {
		await page.mouse.move(0, 0);
		await page.mouse.up();
	};
}

/**
 * The colour drawn at the viewport point (`x`, `y`), as red, green and blue: decoded from a
 * screenshot in a blank page of its own, where the app's content security policy does not reach.
 */
export async function pixelAt(page: Page, x: number, y: number): Promise<number[]> {
	const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
	const probe = await page.context().newPage();
	try {
		return await probe.evaluate(async (data) => {
			const image = new Image();
			image.src = `data:image/png;base64,${data}`;
			await image.decode();
			const canvas = document.createElement('canvas');
			canvas.width = canvas.height = 1;
			const drawing = canvas.getContext('2d');
			if (!drawing) throw new Error('no 2D canvas');
			drawing.drawImage(image, 0, 0);
			return [...drawing.getImageData(0, 0, 1, 1).data.slice(0, 3)];
		}, png.toString('base64'));
	} finally {
		await probe.close();
	}
}
