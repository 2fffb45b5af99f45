import type { RpcRequest } from '@bookstore/shared/contracts';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { RmqContext } from '@nestjs/microservices';
import type { ConsumeMessage } from 'amqplib';
import type { Observable } from 'rxjs';
import { from, switchMap } from 'rxjs';

import type { SignedTokenVerifier } from '../verification/signed-token.verifier';

/**
 * Decides who asks, for every RPC request a service handles: the `actor` of the message is never
 * trusted (any holder of broker credentials can write one); it is replaced by the actor of the
 * access token the request carries, once that token's signature, issuer, audience and expiry are
 * verified. A request without a valid token has no actor, so the handlers that need one answer 401
 * and the admin ones 403 as before. The raw token is removed before the handler sees the request.
 * Events carry no actor and pass untouched.
 */
export class RequestActorInterceptor implements NestInterceptor {
  constructor(private readonly verifier: SignedTokenVerifier) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const message = context.switchToRpc().getContext<RmqContext>().getMessage() as ConsumeMessage;
    if (!message?.properties.replyTo) return next.handle();
    const request = context.switchToRpc().getData<Partial<RpcRequest> | null>();
    if (!request || typeof request !== 'object') return next.handle();
    const token = request.accessToken;
    delete request.actor;
    delete request.accessToken;
    if (typeof token !== 'string') return next.handle();
    return from(this.verifier.verify(token)).pipe(
      switchMap((caller) => {
        if (caller) request.actor = caller.actor;
        return next.handle();
      }),
    );
  }
}
