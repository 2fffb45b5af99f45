import { normalizeEmail, RefreshTokenFamilies } from '@bookstore/auth/domain';
import type { LoginDto, TokenPairDto } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { AccessTokenSigner } from '../../adapters/keys/access-token.signer';
import { PasswordHasher } from '../../adapters/password-hasher';
import { invalidCredentials } from '../../auth.errors';
import { toUserDto } from '../../persistence/to-user-dto';
import { UsersRepository } from '../../persistence/users.repository';

/**
 * Checks the credentials and starts a session (a new refresh-token family). An unknown e-mail
 * costs the same hashing work and gets the same 401 as a wrong password.
 */
@Injectable()
export class LoginHandler {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly families: RefreshTokenFamilies,
    private readonly signer: AccessTokenSigner,
  ) {}

  async execute(input: LoginDto): Promise<TokenPairDto> {
    const user = await this.users.findByEmail(normalizeEmail(String(input.email)));
    const ok = await this.hasher.verifyOrDummy(user?.passwordHash, String(input.password));
    if (!user || !ok) throw invalidCredentials();
    const dto = toUserDto(user);
    const refresh = await this.families.start(dto.id);
    return this.signer.pair(dto, refresh.token);
  }
}
