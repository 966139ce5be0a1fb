// The repository root holds both the scratch project and the node_modules its runtimes are linked
// from: Turbopack may read files anywhere below it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root = path.dirname(fileURLToPath(import.meta.url));
while (!existsSync(path.join(root, 'mock', 'Cargo.toml')) && path.dirname(root) !== root) root = path.dirname(root);

export default { turbopack: { root }, outputFileTracingRoot: root };
