import { Injectable } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { Subject } from 'rxjs';

/**
 * In-process notice that this gateway instance revoked one access token (logout), for whatever
 * lives as long as a token (open notification streams) to end at once. Other instances learn it
 * from the denylist at their next periodic re-check.
 */
@Injectable()
export class TokenRevocations {
  private readonly revoked = new Subject<string>();

  /** The `jti`s revoked here from now on. */
  get revokedJtis(): Observable<string> {
    return this.revoked.asObservable();
  }

  tokenRevoked(jti: string): void {
    this.revoked.next(jti);
  }
}
