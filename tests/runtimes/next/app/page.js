import Program from './program.js';

// Rendered per request, so the mock's address is read when the server runs, not when it is built.
export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <main>
      <h1>Groups through the server handler</h1>
      <Program />
    </main>
  );
}
