'use client';
// A client component: the package in the browser, calling the API through the server handler
// mounted at /api/admin (the key stays on the server; this client sends none). The mock's fault
// controls are reached through /api/mock, which adds the mock's key on the server.
import { useEffect, useState } from 'react';
import OpenAIAdmin, { NotFoundError } from 'openai-admin-wasm';
import { runProgram } from '../../program.mjs';

export default function Program() {
  const [report, setReport] = useState(null);
  useEffect(() => {
    const client = new OpenAIAdmin({ baseURL: `${location.origin}/api/admin/v1`, defaultHeaders: { Authorization: null } });
    runProgram({ client, NotFoundError, controls: { origin: `${location.origin}/api/mock`, key: 'added-by-the-server' }, label: 'next browser wasm' })
      .then(setReport, (e) => setReport({ failed: String(e?.stack ?? e) }));
  }, []);
  return (
    <pre id="report" data-done={report ? 'true' : 'false'}>
      {report ? JSON.stringify(report) : 'running…'}
    </pre>
  );
}
