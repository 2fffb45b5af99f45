import type { JwksDto } from '@bookstore/shared/contracts';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { AUTH_CONFIG } from '../../auth.tokens';
import type { AuthConfig } from '../../config/auth.config';
import { loadOrCreateKeyFiles } from './key-files';
import type { SigningKey } from './signing-keys';
import { SigningKeys } from './signing-keys';

const RELOAD_INTERVAL_MS = 60_000;

/**
 * The service's signing keys from JWT_KEYS_DIR, reloaded every minute so a key dropped into the
 * directory starts signing without a restart (rotation), while older ones keep verifying.
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
    const files = await loadOrCreateKeyFiles(this.config.JWT_KEYS_DIR);
    this.keys = await SigningKeys.fromFiles(files, this.config.JWT_KEY_RETIRE_AFTER_SECONDS * 1000);
  }
}
