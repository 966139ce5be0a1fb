// Test plumbing: the mock's fault and request-log controls for the browser, with the mock's key
// added here (the page never holds it).
export const dynamic = 'force-dynamic';

async function forward(request, { params }) {
  const { path } = await params;
  const init = { method: request.method, headers: { Authorization: `Bearer ${process.env.MOCK_KEY}`, 'Content-Type': 'application/json' } };
  if (request.method === 'POST') init.body = await request.text();
  const res = await fetch(`${process.env.MOCK_URL}/${path.join('/')}`, init);
  return new Response(await res.text(), { status: res.status, headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' } });
}
export { forward as GET, forward as POST, forward as DELETE };
