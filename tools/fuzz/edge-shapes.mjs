// Hand-made hostile shapes that a schema-driven fuzzer rarely or never generates: nesting far past
// the depth limit, huge arrays of tiny elements, NUL and bytes that are not UTF-8 in query strings,
// bodies and paths, duplicated and bracketed query parameters, numbers JSON and Number() read
// oddly, operator objects where strings belong, junk in the Idempotency-Key and x-correlation-id
// headers. Every operation of the gateway's OpenAPI document gets each shape that applies to it.
// Checks: no 5xx, and every error in the shared shape {statusCode, error, message, correlationId}.

const SAMPLE_ID = '665f1c2e8b3a4d0012345678';
const HOSTILE_QUERY_VALUES = [
  'a%00b',
  '%00',
  '%FF',
  '%C3%28',
  '%E2%82',
  '%ED%A0%80',
  '1e309',
  '-0',
  '0x10',
  'NaN',
];
// shared/API.md: "nesting deeper than 32 levels, NUL or invalid UTF-8 in a body or query string gets
// 400". Cases that send one of those expect exactly 400, whatever the route and the caller.
const CONTRACT_400 = /%00|%FF|%C3%28|%E2%82|%ED%A0%80/i;

const HOSTILE_PATH_IDS = ['%00', '%FF', '%C3%28', 'a'.repeat(5_000), '%24ne', '..%2F..%2Fetc', '%20'];
const HOSTILE_HEADERS = [
  ['idempotency-key', 'a\u00ff\u00fe'],
  ['idempotency-key', 'k'.repeat(4_000)],
  ['idempotency-key', ''],
  ['x-correlation-id', '\u00ff'.repeat(200)],
  ['x-correlation-id', 'x'.repeat(4_000)],
];

/** A JSON text of `levels` nested arrays under `key`: `{"key":[[[…0…]]]}`. */
function nestedJson(key, levels) {
  return `{"${key}":${'['.repeat(levels - 1)}0${']'.repeat(levels - 1)}}`;
}

/** The JSON body the operation documents, filled with plausible values, as a start for mutations. */
function sampleBody(schema, components, depth = 0) {
  const resolved = resolve(schema, components);
  if (!resolved || depth > 4) return null;
  if (resolved.type === 'object' || resolved.properties) {
    return Object.fromEntries(
      Object.entries(resolved.properties ?? {}).map(([name, prop]) => [
        name,
        sampleBody(prop, components, depth + 1),
      ]),
    );
  }
  if (resolved.type === 'array') return [sampleBody(resolved.items, components, depth + 1)];
  if (resolved.enum) return resolved.enum[0];
  if (resolved.type === 'integer' || resolved.type === 'number') return resolved.minimum ?? 1;
  if (resolved.type === 'boolean') return true;
  return resolved.example ?? 'text';
}

function resolve(schema, components) {
  if (!schema?.$ref) return schema?.allOf?.length === 1 ? resolve(schema.allOf[0], components) : schema;
  return resolve(components.schemas?.[schema.$ref.split('/').pop()], components);
}

/** Every hostile request for one operation: { label, method, path, headers?, body? (string|Buffer) }. */
function casesFor(method, template, operation, components) {
  const path = template.replace(/\{[^}]+\}/g, SAMPLE_ID);
  const cases = [];
  const queryNames = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  for (const name of queryNames.length ? queryNames : ['x']) {
    for (const value of HOSTILE_QUERY_VALUES)
      cases.push({
        label: `query ${name}=${value}`,
        path: `${path}?${name}=${value}`,
        expectStatus: CONTRACT_400.test(value) ? 400 : undefined,
      });
    cases.push({ label: `query ${name} twice`, path: `${path}?${name}=1&${name}=2` });
    cases.push({ label: `query ${name}[]`, path: `${path}?${name}[]=1&${name}[a]=2` });
    cases.push({ label: `query ${name} long`, path: `${path}?${name}=${'q'.repeat(8_000)}` });
  }
  cases.push({ label: 'query key with NUL', path: `${path}?a%00=1`, expectStatus: 400 });
  cases.push({ label: 'query key not UTF-8', path: `${path}?%FF=1`, expectStatus: 400 });
  if (template.includes('{')) {
    for (const id of HOSTILE_PATH_IDS) {
      // A path that does not decode is no URL at all (400); anything else is a malformed id (404).
      const expectStatus = id === '%00' || !CONTRACT_400.test(id) ? undefined : 400;
      cases.push({
        label: `path id ${id.slice(0, 16)}`,
        path: template.replace(/\{[^}]+\}/g, id),
        expectStatus,
      });
    }
  }
  for (const [name, value] of HOSTILE_HEADERS) {
    cases.push({ label: `header ${name} (${value.length} chars)`, path, headers: { [name]: value } });
  }
  const content = operation.requestBody?.content?.['application/json'];
  if (content || ['post', 'patch', 'put'].includes(method)) {
    const sample = (content && sampleBody(content.schema, components)) || {};
    const keys = Object.keys(sample);
    const key = keys[0] ?? 'items';
    cases.push({ label: 'body 5,000 deep', path, body: nestedJson(key, 5_000), expectStatus: 400 });
    cases.push({ label: 'body 33 deep', path, body: nestedJson(key, 33), expectStatus: 400 });
    cases.push({ label: 'body 32 deep', path, body: nestedJson(key, 32) });
    cases.push({
      label: 'body 50,000 elements',
      path,
      body: JSON.stringify({ [key]: new Array(50_000).fill(0) }),
    });
    cases.push({
      label: 'body 999 objects',
      path,
      body: JSON.stringify({ [key]: new Array(333).fill({ a: 1 }) }),
    });
    cases.push({
      label: 'body invalid UTF-8',
      expectStatus: 400,
      path,
      body: Buffer.concat([Buffer.from(`{"${key}":"`), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from('"}')]),
    });
    cases.push({ label: 'body __proto__', path, body: `{"__proto__":{"admin":true},"${key}":1}` });
    cases.push({ label: 'body 1e400', path, body: `{"${key}":1e400}` });
    cases.push({ label: 'body not an object', path, body: '[1,2,3]' });
    cases.push({ label: 'body a string', path, body: '"text"' });
    for (const name of keys) {
      const mutate = (value) => JSON.stringify({ ...sample, [name]: value });
      cases.push({ label: `body ${name} NUL`, path, body: mutate('a\u0000b'), expectStatus: 400 });
      cases.push({ label: `body ${name} $ne`, path, body: mutate({ $ne: null }) });
      cases.push({ label: `body ${name} array`, path, body: mutate(['a', 'b']) });
      cases.push({ label: `body ${name} huge number`, path, body: mutate(1e308) });
      cases.push({ label: `body ${name} -0`, path, body: mutate('-0?').replace('"-0?"', '-0') });
      cases.push({ label: `body ${name} long string`, path, body: mutate('s'.repeat(90_000)) });
    }
    cases.push({ label: 'body key $where', path, body: JSON.stringify({ ...sample, $where: '1' }) });
  }
  return cases.map((c) => ({
    ...c,
    method: method.toUpperCase(),
    operation: `${method.toUpperCase()} ${template}`,
  }));
}

/** Sends one case; resolves { status, body } (the body parsed when JSON; streams are not read). */
async function send(baseUrl, token, c) {
  const headers = { authorization: `Bearer ${token}`, ...(c.headers ?? {}) };
  if (c.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${c.path}`, {
    method: c.method,
    headers,
    body: c.body,
    signal: AbortSignal.timeout(15_000),
  });
  if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, body: null };
  }
  const text = await res.text();
  try {
    return { status: res.status, body: text ? JSON.parse(text) : null };
  } catch {
    return { status: res.status, body: text };
  }
}

/** Why an answer fails the checks, or null. */
function problemWith({ status, body }, expectStatus) {
  if (status >= 500) return `server error ${status}`;
  if (expectStatus && status !== expectStatus) return `${status} where API.md says ${expectStatus}`;
  if (status < 400) return null;
  const shaped =
    body &&
    typeof body === 'object' &&
    body.statusCode === status &&
    typeof body.error === 'string' &&
    (typeof body.message === 'string' || Array.isArray(body.message)) &&
    typeof body.correlationId === 'string' &&
    body.correlationId.length > 0;
  return shaped ? null : `error ${status} not in the shared shape`;
}

/**
 * Runs every shape against every operation of the document (minus excluded paths), a few at a time.
 * Resolves { operations, testCases, failures: [{ operation, check, title, status, curl }] }.
 */
export async function runEdgeShapes({
  baseUrl,
  token,
  excludePaths = [],
  concurrency = 4,
  log = console.log,
}) {
  const doc = await (await fetch(`${baseUrl}/docs-json`)).json();
  const cases = Object.entries(doc.paths)
    .filter(([path]) => !excludePaths.includes(path))
    .flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        casesFor(method, path, operation, doc.components ?? {}),
      ),
    );
  const operations = new Set(cases.map((c) => c.operation)).size;
  log(`[fuzz] edge shapes: ${cases.length} requests over ${operations} operations`);
  const failed = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      let problem;
      let status = null;
      try {
        const answer = await send(baseUrl, token, c);
        status = answer.status;
        problem = problemWith(answer, c.expectStatus);
      } catch (error) {
        problem = `no answer (${error.name === 'TimeoutError' ? 'timeout' : error.message})`;
      }
      if (problem) failed.push({ ...c, status, problem });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  // One entry per operation and problem, like the Schemathesis report, with one reproduction.
  const groups = new Map();
  for (const f of failed) {
    const key = `${f.operation} ${f.problem}`;
    if (!groups.has(key)) groups.set(key, { ...f, count: 0, labels: [] });
    const group = groups.get(key);
    group.count++;
    group.labels.push(f.label);
  }
  const failures = [...groups.values()].map((g) => ({
    operation: g.operation,
    check: 'edge_shapes',
    title: `${g.problem}: ${g.labels.slice(0, 3).join('; ')}${g.count > 3 ? ` (+${g.count - 3})` : ''}`,
    status: g.status,
    count: g.count,
    curl: curlOf(baseUrl, g),
  }));
  return { operations, testCases: cases.length, failures };
}

function curlOf(baseUrl, c) {
  const headers = Object.entries(c.headers ?? {})
    .map(([k, v]) => ` -H '${k}: ${v.slice(0, 60)}'`)
    .join('');
  const body =
    c.body === undefined
      ? ''
      : ` -H 'content-type: application/json' --data-binary '${String(c.body).slice(0, 80)}…'`;
  return `curl -g -X ${c.method} '${baseUrl}${c.path.slice(0, 200)}' -H 'authorization: Bearer $TOKEN'${headers}${body}`;
}
