/**
 * The server handler: a Web-standard `(request: Request) => Promise<Response>` that lets a
 * dashboard's visitors run the 26 operations of this package on the Admin API without ever seeing
 * the admin key. The request goes through the pipeline (`pipeline.ts`: allow-list, authorize, the
 * core's canonical request, the key added, the answer); this file is the Web front end, and
 * `toNodeHandler` (`node-adapter.ts`) the Node one, which writes straight to Node's `res`.
 */
import type { HeaderSource } from './access.js';
import { emitEvent, serve, startEvent, type Answer, type Visitor } from './pipeline.js';
import { resolveSettings, type DefaultUpstream, type Prepare, type Settings } from './settings.js';
import type { AdminHandler, AdminHandlerOptions } from './types.js';
import { readLimited } from './upstream.js';

export type { Prepare } from './settings.js';

/**
 * @internal The request target exactly as an adapter (the Node one, for a handler it does not
 * know) received it, before a URL parser resolved dot segments: the handler refuses more with it,
 * never less.
 */
export const rawTargets = new WeakMap<Request, { target: string; method: string }>();

/** @internal The settings of each handler `createHandler` made, for the Node adapter's direct path. */
export const handlerSettings = new WeakMap<AdminHandler, Settings>();

/** Statuses whose answer has no body (a `Response` refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * Creates the handler. `loadPrepare` gives the wasm core's `prepare` once the core is loaded;
 * `defaultUpstream` is how the entry point reaches the API without a `fetch` option.
 */
export function createHandler(
  options: AdminHandlerOptions,
  loadPrepare: () => Prepare | Promise<Prepare>,
  defaultUpstream?: DefaultUpstream,
): AdminHandler {
  const s = resolveSettings(options, loadPrepare, defaultUpstream);
  const handler: AdminHandler = async (request) => {
    const started = s.audit ? performance.now() : 0;
    const visitor = webVisitor(request);
    const event = startEvent(s, visitor);
    const answer = await serve(s, visitor, event);
    if (event) emitEvent(s, event, answer.status, started);
    return toResponse(answer);
  };
  handlerSettings.set(handler, s);
  return handler;
}

/** A Web `Request` as the pipeline reads it. */
function webVisitor(request: Request): Visitor {
  const raw = rawTargets.get(request);
  const url = new URL(request.url);
  const { signal } = request;
  return {
    // A method a Request cannot carry (TRACE, CONNECT) reaches here from the adapter by `rawTargets`.
    method: (raw?.method ?? request.method).toUpperCase(),
    pathname: url.pathname,
    search: url.search,
    rawTarget: raw?.target,
    header: (name) => request.headers.get(name),
    hasBody: request.body !== null,
    readBody: (limit) => readLimited(request.body, limit),
    forAuthorize: (): Request | HeaderSource => request,
    gone: signal
      ? {
          watch(listener) {
            signal.addEventListener('abort', listener, { once: true });
            return () => signal.removeEventListener('abort', listener);
          },
        }
      : undefined,
  };
}

function toResponse(answer: Answer): Response {
  const headers = new Headers();
  for (const [name, value] of answer.headers) headers.append(name, value);
  if (answer.reply) {
    if (NULL_BODY.has(answer.status)) {
      answer.reply.discard();
      return new Response(null, { status: answer.status, headers });
    }
    return new Response(answer.reply.stream(), { status: answer.status, headers });
  }
  return new Response(answer.body, { status: answer.status, headers });
}
