// What the page and the worker both do against the same-origin mock, reported as plain data.
import OpenAIAdmin, { NotFoundError, InvalidArgumentError } from 'openai-admin-wasm';

const KEY = 'sk-admin-demo';

export async function run(where) {
  const baseURL = `${location.origin}/v1`;
  const out = { where, steps: [] };
  const step = async (name, fn) => {
    try {
      out[name] = await fn();
      out.steps.push(name);
    } catch (e) {
      out[name] = { threw: true, name: e?.name, message: String(e?.message), param: e?.param };
      out.steps.push(name);
    }
  };

  // A key without `dangerouslyAllowBrowser`: the constructor throws, before the wasm is loaded…
  const guard = () => {
    try {
      new OpenAIAdmin({ adminAPIKey: KEY, baseURL });
      return { constructorThrew: false };
    } catch (e) {
      return { constructorThrew: true, name: e.name, mentionsFlag: /dangerouslyAllowBrowser/.test(e.message), leaksKey: e.message.includes(KEY) };
    }
  };
  await step('guard', guard);

  // …and after (the list below loads it).
  await new OpenAIAdmin({ adminAPIKey: KEY, baseURL, dangerouslyAllowBrowser: true, maxRetries: 0 }).admin.organization.groups.list({ limit: 1 });
  await step('guardAfterLoad', guard);

  await step('noKey', async () => {
    try {
      new OpenAIAdmin({ baseURL });
      return { constructorThrew: false };
    } catch (e) {
      return { constructorThrew: true, missingCredentials: /Missing credentials/.test(e.message) };
    }
  });
  await step('proxy', async () => {
    new OpenAIAdmin({ baseURL, defaultHeaders: { Authorization: null } });
    return { constructed: true };
  });

  const client = new OpenAIAdmin({ adminAPIKey: KEY, baseURL, dangerouslyAllowBrowser: true, maxRetries: 0 });
  const org = client.admin.organization;

  await step('list', async () => {
    const page = await org.groups.list({ limit: 5 });
    return { count: page.data.length, hasMore: page.has_more, first: page.data[0].name, requestID: page._request_id };
  });
  await step('all', async () => {
    const names = [];
    for await (const g of org.groups.list({ limit: 5 })) names.push(g.name);
    return { count: names.length };
  });
  await step('create', async () => {
    const g = await org.groups.create({ name: `From the ${where}` });
    return { id: g.id, name: g.name, requestID: g._request_id };
  });
  await step('notFound', async () => {
    try {
      await org.groups.retrieve('group_does_not_exist');
      return { rejected: false };
    } catch (e) {
      return {
        rejected: true,
        name: e.name,
        isNotFound: e instanceof NotFoundError,
        status: e.status,
        requestID: e.requestID,
        message: e.message,
      };
    }
  });
  return out;
}
