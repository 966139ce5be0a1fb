// The requests one `openai-admin access` command made against the mock, for the limits benches.

/**
 * Runs `run` (resolving to the command's { code, stdout, stderr }) with the mock's counts cleared
 * first (which also restarts its windows); throws when the command failed.
 */
export async function counted(mock, run) {
  await mock.call('DELETE', '/__mock/stats');
  const t = performance.now();
  const result = await run();
  if (result.code !== 0) throw new Error(`openai-admin access exited ${result.code}: ${result.stderr.slice(-400)}`);
  const stats = await mock.call('GET', '/__mock/stats');
  return { result, requests: stats.requests, rateLimited: stats.rate_limited, tookS: (performance.now() - t) / 1000 };
}
