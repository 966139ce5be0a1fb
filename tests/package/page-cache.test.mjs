// The page cache's shortcut tied to the core's encoder: the next page's request is made from the
// last one by swapping its `after` (`requestWithNextCursor`, dist/page-cache.js), and a cursor of
// `UNRESERVED` text is put in as it is, without calling the core. That is right only while
// `UNRESERVED` is exactly the set the core's query encoding leaves unencoded (`SEGMENT` in
// src/request.rs): this test holds the two together, character by character, in the package as
// installed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
// The package's Node entry sets up the loading of its wasm module (done on the first request);
// the test asks its loader for it, then calls the core's encoder directly.
import 'openai-admin-wasm';

const dist = new URL('.', import.meta.resolve('openai-admin-wasm'));
await (await import(new URL('loader.js', dist).href)).ensureLoaded();
const { UNRESERVED } = await import(new URL('page-cache.js', dist).href);
const { encodeQueryValue } = await import(new URL('../wasm/openai_admin_wasm.js', dist).href);

test('the page cache sends as they are exactly the characters the core leaves unencoded', () => {
  const sample = [];
  for (let code = 0; code < 0x80; code++) sample.push(String.fromCharCode(code));
  sample.push('é', 'ü', '\u00a0', '\u2028', '€', '😀', '\ufeff');
  let unreserved = 0;
  for (const ch of sample) {
    const kept = encodeQueryValue(ch) === ch;
    assert.equal(UNRESERVED.test(ch), kept, `${JSON.stringify(ch)}: the page cache says ${UNRESERVED.test(ch)}, the core encodes it as ${encodeQueryValue(ch)}`);
    if (kept) unreserved += 1;
  }
  // A-Z, a-z, 0-9 and - . _ ~ (RFC 3986): a set that shrank or grew on both sides is still caught.
  assert.equal(unreserved, 66);
  // Whole cursors, as the cache tests them.
  for (const cursor of ['group_01J1F8PQRMNO', 'user-abc.1~x', '', 'a b', 'a/b', 'a%41', 'é']) {
    assert.equal(UNRESERVED.test(cursor), encodeQueryValue(cursor) === cursor, JSON.stringify(cursor));
  }
});
