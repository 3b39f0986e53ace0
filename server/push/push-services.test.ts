import { expect, test } from 'vitest';
import { DEFAULT_PUSH_SERVICES, parsePushServices, pushServiceAllowed } from './push-services';

test('[W2] the push services of the common browsers are accepted as they come', () => {
	for (const endpoint of [
		'https://fcm.googleapis.com/fcm/send/abc:def',
		'https://updates.push.services.mozilla.com/wpush/v2/gAAAA',
		'https://web.push.apple.com/QGuQyavXutnMH',
		'https://wns2-db5p.notify.windows.com/w/?token=BQYAAA'
	]) {
		expect(pushServiceAllowed(endpoint, DEFAULT_PUSH_SERVICES), endpoint).toBe(true);
	}
});

test('[W2] any other address is refused: another host, http, a name in it, a look-alike', () => {
	for (const endpoint of [
		'https://127.0.0.1/push',
		'https://localhost/push',
		'https://internal.example/fcm.googleapis.com',
		'http://fcm.googleapis.com/fcm/send/abc',
		'https://user:pass@fcm.googleapis.com/fcm/send/abc',
		'https://fcm.googleapis.com.evil.example/x',
		'https://evilpush.apple.com/x',
		'https://push.apple.com/x',
		'https://fcm.googleapis.com:8443/x',
		'not a url'
	]) {
		expect(pushServiceAllowed(endpoint, DEFAULT_PUSH_SERVICES), endpoint).toBe(false);
	}
});

test('an operator names services by host, with a wildcard for subdomains or a port', () => {
	const services = parsePushServices(' push.Example.org, *.corp.example ,127.0.0.1:8443,');
	expect(services).toEqual(['push.example.org', '*.corp.example', '127.0.0.1:8443']);
	expect(pushServiceAllowed('https://PUSH.example.org/a', services)).toBe(true);
	expect(pushServiceAllowed('https://eu.corp.example/a', services)).toBe(true);
	expect(pushServiceAllowed('https://127.0.0.1:8443/a', services)).toBe(true);
	expect(pushServiceAllowed('https://127.0.0.1/a', services)).toBe(false);
});
