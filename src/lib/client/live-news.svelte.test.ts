import { describe, expect, test } from 'vitest';
import { LiveNews } from './live-news.svelte';

describe('live news', () => {
	test('the same words said twice empty the region in between, so they are read again', async () => {
		const news = new LiveNews();
		await news.say('The call link was removed.');
		const saying = news.say('The call link was removed.');
		expect(news.text).toBe('');
		await saying;
		expect(news.text).toBe('The call link was removed.');
	});

	test('cleared, it says nothing, not even words on their way', async () => {
		const news = new LiveNews();
		await news.say('Ana shared a call link.');
		news.clear();
		expect(news.text).toBe('');
		const saying = news.say('The call link was removed.');
		news.clear();
		await saying;
		expect(news.text).toBe('');
	});
});
