export * from './jwks.dto';
export * from './login.dto';
export * from './normalize-email';
export * from './refresh-token.dto';
export * from './register.dto';
export * from './token-pair.dto';
export * from './update-roles.dto';
export * from './user.dto';
