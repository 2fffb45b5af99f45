import { Parser } from '@asyncapi/parser';
import { EVENT_PAYLOADS, eventDocOf } from '@bookstore/shared/contracts';
import { api } from '@bookstore/shared/testing';

type EventsDocument = {
  asyncapi: string;
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, { action: string; channel: { $ref: string }; tags: { name: string }[] }>;
  components: {
    messages: Record<string, { payload: { properties: { payload: { $ref: string } } } }>;
    schemas: Record<string, { properties: Record<string, unknown> }>;
  };
};

describe('the events documentation (AsyncAPI) through the gateway', () => {
  it('serves a valid AsyncAPI 3.0.0 document with every event of the contracts lib and its payload schema', async () => {
    const res = await api<EventsDocument>('GET', '/docs/events-json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const document = res.body;
    expect(document.asyncapi).toBe('3.0.0');

    const { diagnostics } = await new Parser().parse(JSON.stringify(document));
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 0)).toEqual([]);

    for (const [type, payloadClass] of Object.entries(EVENT_PAYLOADS)) {
      const channel = Object.entries(document.channels).find(([, candidate]) => candidate.address === type);
      expect(channel).toBeDefined();
      const [channelId, { messages }] = channel as [string, EventsDocument['channels'][string]];
      const [{ $ref }] = Object.values(messages);
      const message = document.components.messages[$ref.replace('#/components/messages/', '')];
      expect(message.payload.properties.payload.$ref).toBe(`#/components/schemas/${payloadClass.name}`);
      expect(Object.keys(document.components.schemas[payloadClass.name].properties).length).toBeGreaterThan(
        0,
      );

      const parties = Object.values(document.operations)
        .filter((operation) => operation.channel.$ref === `#/channels/${channelId}`)
        .map((operation) => `${operation.action} ${operation.tags[0].name}`);
      const doc = eventDocOf(payloadClass);
      expect(parties.sort()).toEqual(
        [`send ${doc?.producer}`, ...(doc?.consumers ?? []).map((consumer) => `receive ${consumer}`)].sort(),
      );
    }
  });

  it('serves the page with the AsyncAPI web component, its script and stylesheet from the gateway itself', async () => {
    const page = await api<string>('GET', '/docs/events');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain('<asyncapi-component');
    expect(page.body).toContain('schemaUrl="/docs/events-json"');
    expect(page.body).not.toMatch(/https?:\/\//);
    // The component validates the document with Ajv, which compiles with `new Function`.
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*(https:|\*|'unsafe-inline')/);

    const scriptSrc = /<script src="([^"]+)"/.exec(page.body)?.[1];
    const cssPath = /cssImportPath="([^"]+)"/.exec(page.body)?.[1];
    const script = await api<string>('GET', String(scriptSrc));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(script.body).toContain('asyncapi-component');
    const css = await api<string>('GET', String(cssPath));
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
  });
});
