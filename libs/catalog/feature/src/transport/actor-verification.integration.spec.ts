/**
 * Integration: who may adjust stock is decided by the catalog itself, from the access token the
 * request carries, not from the `actor` the message claims. A request published straight to the
 * catalog's RPC queue through the real RabbitMQ, claiming an admin actor, is refused (401) without a
 * token, with a token signed by another key, with one expired past the clock leeway, and (403) with
 * a customer's genuine token; the stock stays as it was. A genuine admin token adjusts it, also one
 * that expired a few seconds ago (within the leeway). The service is wired as `runService` wires it:
 * the ack interceptor, then RequestActorInterceptor, on the catalog's real RPC controller.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';

import type { Actor, RpcRequest } from '@bookstore/shared/contracts';
import { CATALOG_PATTERNS, Role } from '@bookstore/shared/contracts';
import {
  InFlightTracker,
  MessageAckInterceptor,
  RPC_EXCHANGE,
  rpcServerOptions,
  serviceQueues,
} from '@bookstore/shared/messaging';
import { RpcErrorFilter } from '@bookstore/shared/platform';
import type { PublicKeySource } from '@bookstore/shared/security';
import {
  ActorVerificationConfig,
  jwksPublicKeys,
  RequestActorInterceptor,
  SignedTokenVerifier,
} from '@bookstore/shared/security';
import type { INestMicroservice } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { connect } from 'amqplib';
import { Types } from 'mongoose';

import type { CatalogHarness } from '../testing/catalog-harness';
import { addBook, bookOf, startCatalog, stopCatalog } from '../testing/catalog-harness';

jest.setTimeout(120_000);

const AMQP_URLS = (process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672').split(',');
// Its own RPC queue, so no running catalog shares the requests.
const service = `it-actor-${randomUUID().slice(0, 8)}`;
const config = new ActorVerificationConfig();
const KID = 'it-key';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const jwk = publicKey.export({ format: 'jwk' });
/** The JWKS auth would publish: one key. */
const published = jwksPublicKeys({
  keys: [{ kty: 'RSA', n: jwk.n ?? '', e: jwk.e ?? '', kid: KID, alg: 'RS256', use: 'sig' }],
});
const keys: PublicKeySource = { keyFor: async (kid) => published.get(kid) };

const jwt = new JwtService();
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** An access token as auth signs it; `expiresIn` is seconds from now (negative: already expired). */
function token(roles: Role[], options: { key?: typeof privateKey; expiresIn?: number } = {}): string {
  const iat = nowSeconds() - 900;
  return jwt.sign(
    {
      sub: new Types.ObjectId().toHexString(),
      roles,
      jti: randomUUID(),
      iat,
      exp: nowSeconds() + (options.expiresIn ?? 600),
    },
    {
      privateKey: (options.key ?? privateKey).export({ type: 'pkcs8', format: 'pem' }).toString(),
      algorithm: 'RS256',
      keyid: KID,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
    },
  );
}

const FORGED_ADMIN: Actor = { userId: new Types.ObjectId().toHexString(), roles: [Role.Admin] };

interface Reply {
  err?: { code?: string; kind?: string } | null;
  response?: { result?: { stock?: number } };
}

describe("the catalog's stock adjustment verifies its caller (real RabbitMQ, MongoDB)", () => {
  let catalog: CatalogHarness;
  let app: INestMicroservice;
  let connection: ChannelModel;
  let channel: Channel;
  let replyQueue: string;
  const waiting = new Map<string, (reply: Reply) => void>();

  /** Publishes a request as anyone holding broker credentials could, and waits for its reply. */
  async function request(bookId: string, accessToken?: string): Promise<Reply> {
    const id = randomUUID();
    const data: RpcRequest = {
      correlationId: id,
      actor: FORGED_ADMIN,
      ...(accessToken === undefined ? {} : { accessToken }),
      payload: { id: bookId, delta: 5 },
    };
    const reply = new Promise<Reply>((resolve) => waiting.set(id, resolve));
    channel.publish(
      RPC_EXCHANGE,
      `${service}.stock`,
      Buffer.from(JSON.stringify({ pattern: CATALOG_PATTERNS.adjustStock, data, id })),
      { replyTo: replyQueue, correlationId: id, expiration: '10000' },
    );
    return reply;
  }

  beforeAll(async () => {
    catalog = await startCatalog();
    app = catalog.moduleRef.createNestMicroservice(rpcServerOptions(AMQP_URLS, service, 10));
    app.useGlobalInterceptors(
      new MessageAckInterceptor(service, new InFlightTracker()),
      new RequestActorInterceptor(
        new SignedTokenVerifier(keys, {
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          clockToleranceSeconds: config.ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS,
        }),
      ),
    );
    app.useGlobalFilters(new RpcErrorFilter());
    await app.listen();

    connection = await connect(AMQP_URLS[0] ?? '');
    channel = await connection.createChannel();
    replyQueue = (await channel.assertQueue('', { exclusive: true, autoDelete: true })).queue;
    await channel.consume(
      replyQueue,
      (message: ConsumeMessage | null) => {
        if (!message) return;
        const body = JSON.parse(message.content.toString()) as Reply;
        waiting.get(String(message.properties.correlationId))?.(body);
      },
      { noAck: true },
    );
  });

  afterAll(async () => {
    await channel.deleteQueue(serviceQueues(service).rpc);
    await connection.close();
    // The microservice shares the harness's module (and its MongoDB connection): drop, then close.
    await stopCatalog(catalog);
    await app.close();
  });

  it.each([
    ['no access token', undefined, 'AUTH.UNAUTHORIZED'],
    ['a token signed by another key', () => token([Role.Admin], { key: otherKey }), 'AUTH.UNAUTHORIZED'],
    ['a token expired past the leeway', () => token([Role.Admin], { expiresIn: -120 }), 'AUTH.UNAUTHORIZED'],
    ['a malformed token', () => 'not.a.jwt', 'AUTH.UNAUTHORIZED'],
    ["a customer's genuine token", () => token([Role.Customer]), 'AUTH.FORBIDDEN'],
  ])('refuses an admin claim with %s, and leaves the stock alone', async (_case, makeToken, code) => {
    const book = await addBook(catalog, 10);
    const reply = await request(book, makeToken?.());
    expect(reply.err).toMatchObject({ code });
    expect((await bookOf(catalog, book)).stock).toBe(10);
  });

  it('adjusts the stock for a genuine admin token, also one expired within the leeway', async () => {
    const book = await addBook(catalog, 10);
    const fresh = await request(book, token([Role.Admin]));
    expect(fresh.err ?? null).toBeNull();
    expect((await bookOf(catalog, book)).stock).toBe(15);
    const justExpired = await request(book, token([Role.Admin], { expiresIn: -5 }));
    expect(justExpired.err ?? null).toBeNull();
    expect((await bookOf(catalog, book)).stock).toBe(20);
  });
});
