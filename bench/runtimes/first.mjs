// Time to the first answer in Node, Deno or Bun: `first.mjs IMPL API KEY` (IMPL: wasm, official,
// floor). From before the import of the client to the first page of groups.list({ limit: 1 }) in
// hand (cold: a fresh process), then the same with a new client in the same process, 5 times
// (warm: the module loaded). Prints `first` as soon as the first answer is in, then one JSON line.
const args = globalThis.Deno ? Deno.args : process.argv.slice(2);
const [impl, api, key] = args;
const t0 = performance.now();
let firstPage;
if (impl === 'floor') {
  firstPage = async () => {
    const res = await fetch(`${api}/organization/groups?limit=1`, { headers: { Authorization: `Bearer ${key}` } });
    if (!res.ok) throw new Error(`status ${res.status}`);
    return (await res.json()).data;
  };
} else {
  const { default: Client } = impl === 'wasm' ? await import('openai-admin-wasm') : await import('openai');
  const options = { adminAPIKey: key, baseURL: api, ...(impl === 'official' ? { apiKey: 'unused' } : {}) };
  firstPage = async () => (await new Client(options).admin.organization.groups.list({ limit: 1 })).data;
}
const first = await firstPage();
const cold = performance.now() - t0;
console.log('first');
if (first.length !== 1) throw new Error('no group');
const warm = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await firstPage();
  warm.push(performance.now() - t);
}
console.log(JSON.stringify({ cold, warm }));
