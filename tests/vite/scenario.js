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

  // Before the wasm is loaded: a key without `dangerouslyAllowBrowser`.
  await step('guard', async () => {
    let constructorThrew = false;
    let client;
    try {
      client = new OpenAIAdmin({ adminAPIKey: KEY, baseURL });
    } catch (e) {
      return { constructorThrew: true, name: e.name, param: e.param, mentionsFlag: /dangerouslyAllowBrowser/.test(e.message), leaksKey: e.message.includes(KEY) };
    }
    try {
      await client.admin.organization.groups.list();
      return { constructorThrew, callRejected: false };
    } catch (e) {
      return {
        constructorThrew,
        callRejected: true,
        name: e.name,
        isInvalidArgument: e instanceof InvalidArgumentError,
        param: e.param,
        mentionsFlag: /dangerouslyAllowBrowser/.test(e.message),
        leaksKey: e.message.includes(KEY),
      };
    }
  });

  // Once loaded, the constructor checks synchronously.
  await step('guardAfterLoad', async () => {
    try {
      new OpenAIAdmin({ adminAPIKey: KEY, baseURL });
      return { constructorThrew: false };
    } catch (e) {
      return { constructorThrew: true, param: e.param, leaksKey: e.message.includes(KEY) };
    }
  });

  await step('noKey', async () => {
    new OpenAIAdmin({ baseURL });
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
