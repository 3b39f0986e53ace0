import type { WebSocketRoute } from '@playwright/test';
import { expectAccessible } from './axe';
import { joinRoom, newRoom } from './fixtures';
import {
	callOf,
	expect,
	moveOn,
	openCallForm,
	sectionTab,
	shareCallLink,
	stepOf,
	test,
	timerOf
} from './live-room';
import { PHONE } from './phone';

/** The room's call link (issue 19.8, protocol S23): shared once, followed on every screen. */

test('a call link pasted once gives every screen and the projector a Join the call button that cannot reach back into the room', async ({
	browser,
	pairInRoom
}) => {
	const [ana, ben] = await pairInRoom({ hosted: true });
	const projectorLink = await ana
		.getByRole('link', { name: 'Open the projector view in a new tab' })
		.getAttribute('href');
	const projectorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	const projector = await projectorContext.newPage();
	await projector.goto(new URL(projectorLink!, ana.url()).href);
	await expect(timerOf(projector)).toBeVisible();

	await openCallForm(ben);
	const field = callOf(ben).getByLabel('Meeting link');
	await expect(field).toBeFocused();
	// Checked before it is sent: https only, no name or password in it.
	for (const [link, problem] of [
		[
			'http://meet.example.com/abc-defg-hij',
			'The link must be a meeting link starting with https://.'
		],
		[
			'https://ben:secret@meet.example.com/abc',
			'The link must not contain a name or password before the address.'
		]
	] as const) {
		await field.fill(link);
		await callOf(ben).getByRole('button', { name: 'Share link' }).click();
		await expect(field).toHaveAttribute('aria-invalid', 'true');
		await expect(field).toHaveAccessibleDescription(problem);
	}
	await expect(callOf(ana).getByRole('link', { name: 'Join the call' })).toHaveCount(0);
	await field.fill('  https://Meet.Example.com/abc-defg-hij  ');
	await callOf(ben).getByRole('button', { name: 'Share link' }).click();

	const meeting = 'https://meet.example.com/abc-defg-hij';
	for (const page of [ana, ben, projector]) {
		const join = page.getByRole('link', { name: 'Join the call' });
		await expect(join).toHaveAttribute('href', meeting);
		await expect(join).toHaveAttribute('target', '_blank');
		await expect(join).toHaveAttribute('rel', 'noopener noreferrer');
	}
	await expect(callOf(ana)).toContainText('meet.example.com · shared by Ben');
	await expect(projector.getByText('meet.example.com')).toBeVisible();
	// With the call shown, the QR code is still whole and large enough to scan from the back.
	// The side column cuts what does not fit (overflow: hidden), so its bottom is the limit.
	const code = await projector.locator('.join .code').boundingBox();
	const address = await projector.locator('.join .url').boundingBox();
	const side = await projector.locator('aside.side').boundingBox();
	expect(code!.height).toBeGreaterThanOrEqual(0.4 * 1080);
	expect(address!.y + address!.height).toBeLessThanOrEqual(side!.y + side!.height);
	await expect(projector.getByRole('link', { name: 'Join the call' })).toBeInViewport({
		ratio: 1
	});
	await expectAccessible(ana);
	await expectAccessible(projector);

	// The call opens in a new tab that has no way back to the room and is not told where from.
	await ana
		.context()
		.route(`${meeting}**`, (route) =>
			route.fulfill({ contentType: 'text/html', body: '<title>Call</title>' })
		);
	const [tab] = await Promise.all([
		ana.context().waitForEvent('page'),
		callOf(ana).getByRole('link', { name: 'Join the call' }).click()
	]);
	await tab.waitForLoadState();
	expect(tab.url()).toBe(meeting);
	expect(await tab.evaluate(() => [window.opener === null, document.referrer])).toEqual([true, '']);
	await tab.close();

	// With the controls locked, only the host changes it; removing it removes it everywhere.
	await ana.getByLabel('Only I control phases and timer').check();
	await expect(callOf(ben).getByRole('button', { name: 'Change link' })).toHaveCount(0);
	await callOf(ana).getByRole('button', { name: 'Remove link' }).click();
	for (const page of [ana, ben, projector]) {
		await expect(page.getByRole('link', { name: 'Join the call' })).toHaveCount(0);
	}
	await expect(callOf(ben)).toContainText('No call link shared yet.');
	await projectorContext.close();
});

test('a call link the server and the browser write differently (a * in its host) keeps every screen following the room', async ({
	pairInRoom
}) => {
	const [ana, ben] = await pairInRoom();

	// Chromium writes this host as meet%2Aroom; the server's parser writes it back as meet*room.
	await shareCallLink(ben, 'https://meet*room.example.com/abc');
	for (const page of [ana, ben]) {
		await expect(page.getByRole('link', { name: 'Join the call' })).toBeVisible();
	}
	// The room goes on moving on both screens.
	await ana.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(timerOf(ben)).toHaveAttribute('data-status', 'running');
	await moveOn(ben);
	await expect(stepOf(ana)).toHaveAttribute('data-step', '1');
	await expect(stepOf(ben)).toHaveAttribute('data-step', '1');
});

test('while a call link is on its way, Share link keeps keyboard focus, and pressing it again shares nothing more; closed, the form gives focus back to the button that opens it', async ({
	app,
	person
}) => {
	const ana = await person();
	// Ana's control connection, watched both ways: what she sends is counted, and what the server
	// answers waits while `holding`, so the share stays on its way (for a moment: the browser gives
	// up on an answer after SOCKET_ANSWER_WAIT_MS, 9 s).
	const sent: string[] = [];
	const held: { route: WebSocketRoute; message: string | Buffer }[] = [];
	let holding = false;
	await ana.context().routeWebSocket(/\/socket\.io\//, (route) => {
		const server = route.connectToServer();
		route.onMessage((message) => {
			if (typeof message === 'string') sent.push(message);
			server.send(message);
		});
		server.onMessage((message) => {
			if (holding) held.push({ route, message });
			else route.send(message);
		});
	});
	const shares = () => sent.filter((message) => message.includes('"call.set"')).length;
	await ana.goto(await newRoom(app.url, 'active-listening-sprint'));
	await joinRoom(ana, 'Ana', 'Speaker');
	const call = callOf(ana);
	await openCallForm(ana, 'https://meet.example.com/abc-defg-hij');
	const share = call.getByRole('button', { name: 'Share link' });
	await share.focus();

	holding = true;
	await ana.keyboard.press('Enter');
	await expect(share).toHaveAttribute('aria-disabled', 'true');
	await expect.poll(shares).toBe(1);
	await expect(share).toBeFocused();
	await ana.keyboard.press('Enter');
	// A click too: forced, as Playwright would wait for a button that says it waits.
	await share.click({ force: true });
	await expect(share).toBeFocused();
	// Turned to a phone meanwhile, the card is rebuilt under the timer, where the link that came
	// puts it: its Share link waits too.
	await ana.setViewportSize(PHONE);
	await expect(sectionTab(ana, 'Session')).toHaveAttribute('aria-selected', 'true');
	await expect(share).toHaveAttribute('aria-disabled', 'true');
	await share.click({ force: true });
	await ana.setViewportSize({ width: 1200, height: 900 });
	await expect(call.getByLabel('Meeting link')).toBeFocused();

	holding = false;
	for (const { route, message } of held.splice(0)) route.send(message);
	await expect(call.getByRole('link', { name: 'Join the call' })).toBeVisible();
	expect(shares()).toBe(1);
	// Shared, the form goes: focus goes back to the button that opens it, not to the page body.
	const change = call.getByRole('button', { name: 'Change link' });
	await expect(change).toBeFocused();
	await ana.keyboard.press('Enter');
	await expect(call.getByLabel('Meeting link')).toBeFocused();
	await call.getByRole('button', { name: 'Cancel' }).click();
	await expect(change).toBeFocused();
	// Removed, the link's buttons give way to Add a call link, which takes focus from Remove link.
	// Her own removal, the link gone before the server's answer came, is not news to her.
	await call.getByRole('button', { name: 'Remove link' }).focus();
	holding = true;
	await ana.keyboard.press('Enter');
	await expect(call.getByRole('button', { name: 'Add a call link' })).toBeFocused();
	await expect(call.getByRole('status')).toHaveText('');
	holding = false;
	for (const { route, message } of held.splice(0)) route.send(message);
});

test('on a phone the call card changes section as a link comes and goes, and when the screen widens; keyboard focus follows it to the button that opens its form, as on a desktop', async ({
	pairInRoom
}) => {
	const [, ben] = await pairInRoom({ benViewport: PHONE });
	const call = callOf(ben);
	const addLink = call.getByRole('button', { name: 'Add a call link' });

	// No link yet: adding one is setting the room up, under More.
	await sectionTab(ben, 'More').click();
	await openCallForm(ben, 'https://meet.example.com/abc-defg-hij');
	await ben.keyboard.press('Enter');
	// Shared, the card is rebuilt right under the timer: the session shows, Change link has focus.
	await expect(sectionTab(ben, 'Session')).toHaveAttribute('aria-selected', 'true');
	await expect(call.getByRole('link', { name: 'Join the call' })).toBeVisible();
	await expect(call.getByRole('button', { name: 'Change link' })).toBeFocused();

	// Removed, it goes back under More, and Add a call link has focus there.
	await call.getByRole('button', { name: 'Remove link' }).focus();
	await ben.keyboard.press('Enter');
	await expect(sectionTab(ben, 'More')).toHaveAttribute('aria-selected', 'true');
	await expect(addLink).toBeFocused();

	// Turned sideways past the phone layout, the card moves to the side column: focus goes too.
	await ben.setViewportSize({ width: 1200, height: 900 });
	await expect(ben.getByRole('tablist')).toHaveCount(0);
	await expect(addLink).toBeFocused();
});

test('on a phone, a link someone else shares or removes leaves the section I am in as it is, though focus was in the call card', async ({
	pairInRoom
}) => {
	const [ana, ben] = await pairInRoom({ benViewport: PHONE });
	// Ben's card, though in a section he does not show.
	const bens = ben.locator('[data-call-card]');

	// Ben is typing a link under More when Ana shares hers: he stays under More.
	await sectionTab(ben, 'More').click();
	await openCallForm(ben, 'https://meet.example.com/ben');
	await shareCallLink(ana, 'https://meet.example.com/ana');
	await expect(bens.getByRole('link', { name: 'Join the call', includeHidden: true })).toHaveCount(
		1
	);
	await expect(sectionTab(ben, 'More')).toHaveAttribute('aria-selected', 'true');

	// Ben cancels: his card goes under the timer, with him. He has Join the call focused there when
	// Ana removes the link: he stays in the session.
	await callOf(ben).getByRole('button', { name: 'Cancel' }).click();
	await expect(sectionTab(ben, 'Session')).toHaveAttribute('aria-selected', 'true');
	await callOf(ben).getByRole('link', { name: 'Join the call' }).focus();
	await callOf(ana).getByRole('button', { name: 'Remove link' }).click();
	await expect(bens.getByRole('link', { name: 'Join the call', includeHidden: true })).toHaveCount(
		0
	);
	await expect(sectionTab(ben, 'Session')).toHaveAttribute('aria-selected', 'true');
	// Focus goes to the Session tab, not the page body, and the room says why.
	await expect(sectionTab(ben, 'Session')).toBeFocused();
	await expect(
		ben.getByRole('status').filter({ hasText: 'The call link was removed.' })
	).toHaveCount(1);
});

test('a link someone else removes while I have Join the call focused leaves focus on Add a call link, not the page body, and the card says why', async ({
	pairInRoom
}) => {
	const [ana, ben] = await pairInRoom();
	await shareCallLink(ana, 'https://meet.example.com/ana');
	await callOf(ben).getByRole('link', { name: 'Join the call' }).focus();

	await callOf(ana).getByRole('button', { name: 'Remove link' }).click();
	await expect(callOf(ben).getByRole('button', { name: 'Add a call link' })).toBeFocused();
	await expect(callOf(ben).getByRole('status')).toHaveText('The call link was removed.');
});
