// The browser side of chromium.test.mjs, bundled by esbuild with this package's browser entry and
// the official SDK's browser build. The API server is another origin (?api=URL), so every call
// goes through CORS as it would from a real page.
import * as ours from 'openai-admin-wasm';
import * as official from 'openai';
import { defineCases, runCase } from './cases.mjs';

const url = new URLSearchParams(location.search).get('api');
const env = { ours, official, url, where: 'chromium' };
const cases = defineCases();
window.__cases = cases.map(({ name, group }) => ({ name, group }));
window.__run = (name) => runCase(env, cases.find((c) => c.name === name));
window.__ready = true;
