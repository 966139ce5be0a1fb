// What the drift report costs: lists 100,000 groups (pages of 1,000) with responseDrift "warn"
// (the default: the first answer of each operation per client is checked), "error" (every answer
// is checked) and "off", interleaved, 5 runs each, against the release mock. Needs pkg/ and the
// release mock: `make pkg && cargo build --release -p openai-admin-mock && node bench/drift-cost.mjs`.
import { startMock } from '../tests/support/mock.mjs';
import OpenAIAdmin from '../pkg/dist/node.js';
const mock = await startMock({ seed: 'empty', adminKey: 'sk-admin-demo', args: ['--users', '1000', '--groups', '100000'], builds: ['release'], timeoutMs: 60000 });
const modes = ['warn', 'error', 'off'];
const times = { warn: [], error: [], off: [] };
for (let run = 0; run < 5; run++) {
  for (const mode of modes) {
    const client = new OpenAIAdmin({ adminAPIKey: 'sk-admin-demo', baseURL: mock.api, responseDrift: mode, logger: { warn() {}, info() {}, debug() {}, error() {} } });
    const t0 = performance.now();
    let n = 0;
    for await (const g of client.admin.organization.groups.list({ limit: 1000 })) n++;
    times[mode].push(performance.now() - t0);
    if (n !== 100000) throw new Error(`listed ${n}`);
  }
}
const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const m of modes) console.log(`${m}: median ${med(times[m]).toFixed(0)} ms over 5 runs of listing 100,000 groups (limit 1000)`);
mock.stop?.();
process.exit(0);
