import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { COMMITMENTS_MAP } from '../protocol/room-content';
import { readCommitments } from './commitments';

const commitment = { what: 'Ask first', when: 'Monday', withWhom: 'Sam' };

test('keeps commitments under participant ids and skips other keys and bad values', () => {
	const map = new Y.Doc().getMap<unknown>(COMMITMENTS_MAP);
	map.set('ana-0001', commitment);
	map.set('bo', commitment);
	map.set('not a participant!', commitment);
	map.set('cy-00001', { what: 42 });

	expect(readCommitments(map)).toEqual({ 'ana-0001': commitment });
});
