/** Request/reply patterns served by the auth service (`auth.rpc` queue). */
export const AUTH_PATTERNS = {
  /** RegisterDto → UserDto */
  register: 'auth.register',
  /** LoginDto → TokenPairDto */
  login: 'auth.login',
  /** RefreshTokenDto → TokenPairDto */
  refresh: 'auth.refresh',
  /** RefreshTokenDto (actor required) → {revoked: true}: revokes that refresh token's family */
  logout: 'auth.logout',
  /** {} (actor required) → {revoked: true, notBefore}: ends every session of the caller */
  logoutAll: 'auth.logout-all',
  /** {} (actor required) → UserDto */
  me: 'auth.me',
  /** UpdateUserRolesPayload (admin actor) → UserDto */
  updateRoles: 'auth.users.update-roles',
  /** {} → JwksDto */
  jwks: 'auth.jwks',
} as const;
