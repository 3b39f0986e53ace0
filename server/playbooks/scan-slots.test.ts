import { describe, expect, test } from 'vitest';
import { ScanSlots, ScanSlotsFull } from './scan-slots';

/** Work that ends when `finish` is called, recording when it started. */
function held(log: string[], name: string) {
	let finish = () => {};
	let fail = (_error: Error) => {};
	const done = new Promise<string>((resolve, reject) => {
		finish = () => resolve(name);
		fail = reject;
	});
	return {
		work: () => {
			log.push(name);
			return done;
		},
		finish: () => finish(),
		fail: (error: Error) => fail(error)
	};
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('scan slots', () => {
	test('runs as many at once as it has slots; the others wait, in the order they came', async () => {
		const slots = new ScanSlots(2, 10);
		const started: string[] = [];
		const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => held(started, name));
		const runs = [a, b, c, d].map((held) => slots.run(held!.work));
		await settle();
		expect(started).toEqual(['a', 'b']);
		expect(slots.waiting).toBe(2);

		b!.finish();
		await settle();
		expect(started).toEqual(['a', 'b', 'c']);
		a!.finish();
		c!.finish();
		d!.finish();
		expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
		expect(slots.waiting).toBe(0);
	});

	test('work that fails frees its slot and its caller gets the failure', async () => {
		const slots = new ScanSlots(1, 10);
		const started: string[] = [];
		const [a, b] = ['a', 'b'].map((name) => held(started, name));
		const first = slots.run(a!.work);
		const second = slots.run(b!.work);
		a!.fail(new Error('storage went away'));
		await expect(first).rejects.toThrow('storage went away');
		await settle();
		expect(started).toEqual(['a', 'b']);
		b!.finish();
		expect(await second).toBe('b');
	});

	test('a newcomer does not take a slot handed to one already waiting', async () => {
		const slots = new ScanSlots(1, 10);
		const started: string[] = [];
		const [a, b, c] = ['a', 'b', 'c'].map((name) => held(started, name));
		void slots.run(a!.work);
		void slots.run(b!.work);
		a!.finish();
		void slots.run(c!.work);
		await settle();
		expect(started).toEqual(['a', 'b']);
		b!.finish();
		await settle();
		expect(started).toEqual(['a', 'b', 'c']);
		c!.finish();
	});

	test('past its longest line it refuses at once, without running the work', async () => {
		const slots = new ScanSlots(1, 2);
		const started: string[] = [];
		const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => held(started, name));
		const runs = [a, b, c].map((held) => slots.run(held!.work));
		await expect(slots.run(d!.work)).rejects.toThrow(ScanSlotsFull);
		a!.finish();
		b!.finish();
		c!.finish();
		await Promise.all(runs);
		expect(started).toEqual(['a', 'b', 'c']);
	});
});
