# Every target installs what it needs first (scripts/setup.sh), so each works on a fresh machine.
.PHONY: demo mock test pkg bench setup setup-browser lint test-native test-interop test-wasm test-package test-runtimes test-reliability test-e2e test-fuzz test-load test-server test-tolerance test-cli test-access fuzz test-client-page test-wasm-size bench-rust test-page

MOCK_DEBUG := target/debug/openai-admin-mock
MOCK_RELEASE := target/release/openai-admin-mock

## demo: build the package and run `openai-admin console` against the mock on http://127.0.0.1:8787/ (SEED=large: 2,000 users; READ_ONLY=1)
demo: setup
	scripts/build-pkg.sh
	cargo build --release -p openai-admin-mock
	scripts/demo.sh

## mock: run the mock Admin API (demo seed, key sk-admin-demo) in the foreground on
## http://127.0.0.1:8788, where the wasm test suites look for it; MOCK_URL=http://HOST:PORT moves it
## (give the suites the same MOCK_URL). Ctrl-C stops it.
mock:
	cargo build -p openai-admin-mock
	@url="$${MOCK_URL:-http://127.0.0.1:8788}"; hostport="$${url#*://}"; hostport="$${hostport%%/*}"; \
	echo "mock API for the wasm suites at $$url (then: wasm-pack test --node | --headless --chrome | --headless --firefox)"; \
	exec $(MOCK_DEBUG) --host "$${hostport%:*}" --port "$${hostport##*:}" --seed demo --admin-key sk-admin-demo

## test: every test: lints, native Rust, the official SDK against the mock, wasm (wasm-pack test)
## in Node, headless Chromium and headless Firefox, the packed npm package (Node ESM/CJS, types, Vite, worker; Workers,
## Next.js, Edge Runtime, Deno, Bun, Jest, Vitest), the openai-admin command
## line, the demo page end to end in Chromium and Firefox.
test: setup-browser lint test-native test-interop test-wasm test-package test-wasm-size test-client-page test-runtimes test-cli test-access test-page test-reliability test-tolerance test-e2e test-server test-fuzz test-load
	@echo "make test: all suites passed"

## pkg: build the npm package into pkg/ and print its gzipped size
pkg: setup
	scripts/build-pkg.sh

## bench: compare speed, memory and size with the official SDK and a bare fetch loop, and the
## server handler with a minimal keep-alive proxy (bench/server.mjs; --quick for a run under 2 minutes);
## the console's Access section with 2,000 users: first search while loading, search per keystroke,
## scrolling a 2,000-row list (bench/console-search.mjs); loads under per-endpoint route limits,
## time-scaled, against the limit-bound time and the official SDK's script (bench/access-limits.mjs), and
## with 45 projects: the time to a usable console and to "who can use project X" (bench/access-projects-limits.mjs);
## what each part of the access module weighs (bench/access-split.sh)
bench: setup-browser
	scripts/build-pkg.sh
	cargo build --release -p openai-admin-mock
	node bench/run.mjs
	node bench/runtimes.mjs
	node bench/server.mjs
	node bench/access.mjs
	node bench/access-limits.mjs
	node bench/access-projects-limits.mjs
	node bench/console-search.mjs
	bench/access-split.sh
	bench/rust-client.sh

## bench-rust: the async Rust client against async-openai 0.43 and a bare reqwest + serde_json floor
## (100,000 groups listed, 2,000 retrieves) and its wasm page's size (bench/rust-client.sh)
bench-rust: setup-browser
	bench/rust-client.sh

## fuzz: run every fuzz target for 5 minutes (FUZZ_SECONDS to change it)
fuzz: setup
	scripts/fuzz.sh $(or $(FUZZ_SECONDS),300)

setup:
	scripts/setup.sh

setup-browser:
	scripts/setup.sh --browser

lint: setup
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p openai-admin-access --lib -- -D warnings
	# The module's parts as bench/access-split.sh builds them (features `edit`, `file`).
	cargo clippy --target wasm32-unknown-unknown -p openai-admin-access --no-default-features --lib -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p openai-admin-access --no-default-features --features edit --lib -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p openai-admin -p openai-admin-wasm-page --lib --tests -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p openai-admin --no-default-features --lib -- -D warnings
	cargo clippy -p openai-admin-access --features client --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p openai-admin-access --features client --lib -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p openai-admin-wasm -p openai-admin
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p openai-admin-access --features client
	cargo xtask codegen --check

test-native: setup
	cargo build -p openai-admin-mock
	MOCK_BIN=$(CURDIR)/$(MOCK_DEBUG) cargo test --workspace
	MOCK_BIN=$(CURDIR)/$(MOCK_DEBUG) cargo test -p openai-admin-access --features client --test remote --test remote_projects --test remote_projects_apply --test pace_cases
	cargo test -p openai-admin-access --features client --doc remote

test-interop: setup
	cargo build -p openai-admin-mock
	MOCK_BIN=$(CURDIR)/$(MOCK_DEBUG) node --test tests/interop/

## test-wasm: `wasm-pack test` in Node, headless Chromium and headless Firefox against a fresh mock,
## checking each ran every tests/wasm_*.rs test (scripts/test-wasm.sh node|chrome|firefox for one)
test-wasm: setup-browser
	scripts/test-wasm.sh all

## test-wasm-size: the npm package's client wasm (pkg/, `make pkg`) has not grown: its gzip size is the
## one recorded in tests/package/client-wasm-size.txt, within 100 B (the Rust client is outside it)
test-wasm-size: setup
	scripts/build-pkg.sh
	scripts/check-wasm-size.sh

## test-client-page: the minimal wasm page written in Rust (examples/wasm-page) built and opened in
## headless Chromium against the mock
test-client-page: setup-browser
	cargo build -p openai-admin-mock
	MOCK_BIN=$(CURDIR)/$(MOCK_DEBUG) scripts/test-client-page.sh

test-package: setup-browser
	scripts/build-pkg.sh
	cargo build -p openai-admin-mock
	MOCK_BIN=$(CURDIR)/$(MOCK_DEBUG) scripts/test-package.sh

## test-runtimes: the packed package installed from its tarball in Cloudflare Workers (wrangler bundle
## in workerd, also the server handler), Next.js (Node and edge route handlers, a client component in
## Chromium), the Vercel Edge Runtime, Deno, Bun, Jest 30 (CJS, ESM) and Vitest, each against the
## official SDK in the same runtime (scripts/test-runtimes.sh [workers next edge deno bun jest]).
test-runtimes: setup-browser
	scripts/build-pkg.sh
	cargo build -p openai-admin-mock
	MOCK_BIN=$(CURDIR)/$(MOCK_DEBUG) scripts/test-runtimes.sh workers next edge deno bun jest

## test-cli: the `openai-admin` command line of pkg/ against the mock (help, exit codes, pipes, tmux)
test-cli: setup
	scripts/build-pkg.sh
	cargo build -p openai-admin-mock
	MOCK_BIN=$(CURDIR)/$(MOCK_DEBUG) scripts/test-cli.sh

## test-access: openai-admin-wasm/access and `openai-admin access` end to end against the mock
## (scheduler on a fake clock, loader, per-endpoint route limits time-scaled, applyPlan, dump/plan/apply/who/CSV, rate limits, faults, SIGKILL, tmux, Chromium)
test-access: setup-browser
	scripts/build-pkg.sh
	cargo build -p openai-admin-mock
	MOCK_BIN=$(CURDIR)/$(MOCK_DEBUG) scripts/test-access.sh
	MOCK_BIN=$(CURDIR)/$(MOCK_DEBUG) cargo test -p openai-admin-access --features client --test remote_package

test-reliability: setup-browser
	scripts/build-pkg.sh
	cargo build -p openai-admin-mock
	MOCK_BIN=$(CURDIR)/$(MOCK_DEBUG) scripts/test-reliability.sh

## test-tolerance: the package and the official SDK on the same canned answers (spec examples,
## values the API may add, broken pages) and requests, compared, in Node and Chromium
test-tolerance: setup-browser
	scripts/build-pkg.sh
	scripts/test-tolerance.sh

## test-page: the console page's logic in Node, no browser (tests/page/: store, actions, the
## adapter to the access core's planner calls, alone and against pkg/'s access core, the Access
## section's words), in about 4 s
test-page: setup
	scripts/build-pkg.sh
	node --test tests/page/

## test-e2e: the console page end to end (tests/e2e/) in headless Chromium, then headless Firefox, each
## browser's test count printed (scripts/test-e2e.sh chromium|firefox for one)
test-e2e: setup-browser
	scripts/build-pkg.sh
	cargo build --release -p openai-admin-mock
	MOCK_BIN=$(CURDIR)/$(MOCK_RELEASE) scripts/test-e2e.sh all

test-fuzz: setup
	scripts/fuzz.sh 20

test-load: setup
	LOAD_SECONDS=10 scripts/load-test.sh

## test-server: the server handler (openai-admin-wasm/server) in Node and Chromium, and the load
## test through it with the latency it adds over calling the API directly
test-server: setup-browser
	scripts/build-pkg.sh
	cargo build --release -p openai-admin-mock
	MOCK_BIN=$(CURDIR)/$(MOCK_RELEASE) scripts/test-server.sh
