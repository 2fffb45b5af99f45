import type { JwksDto } from '@bookstore/shared/contracts';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { AUTH_CONFIG } from '../../auth.tokens';
import type { AuthConfig } from '../../config/auth.config';
import { generatesKeys } from '../../config/auth.config';
import { loadKeyFiles } from './key-files';
import type { SigningKey } from './signing-keys';
import { SigningKeys } from './signing-keys';

const RELOAD_INTERVAL_MS = 60_000;

/**
 * The service's signing keys from JWT_KEYS_DIR, reloaded every minute: a key added with a future
 * activation time is published at once and signs from that time on, while older ones keep
 * verifying (rotation without a restart, the same moment on every replica). A directory that
 * cannot be used stops the start; on a reload, the current keys stay.
 */
@Injectable()
export class KeyStore implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(KeyStore.name);
  private keys!: SigningKeys;
  private timer?: NodeJS.Timeout;

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => {
      this.reload().catch((error: unknown) =>
        this.logger.warn({
          msg: 'reloading signing keys failed; keeping the current ones',
          error: String(error),
        }),
      );
    }, RELOAD_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  signing(): SigningKey {
    return this.keys.signing();
  }

  jwks(): JwksDto {
    return this.keys.jwks();
  }

  private async reload(): Promise<void> {
    const files = await loadKeyFiles(this.config.JWT_KEYS_DIR, { generate: generatesKeys(this.config) });
    const keys = SigningKeys.fromFiles(files, this.config.JWT_KEY_RETIRE_AFTER_SECONDS * 1000);
    keys.signing(); // a ring with no active key is refused here, not at the first login
    this.keys = keys;
  }
}
