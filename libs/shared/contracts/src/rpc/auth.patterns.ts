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
  /** {} (actor required) → {revoked: true}: ends every session of the caller */
  logoutAll: 'auth.logout-all',
  /** {} (actor required) → UserDto */
  me: 'auth.me',
  /** UpdateUserRolesPayload (admin actor) → UserDto */
  updateRoles: 'auth.users.update-roles',
  /** {} → JwksDto */
  jwks: 'auth.jwks',
  /** ForgotPasswordDto → {accepted: true}, the same whether the e-mail has an account or not */
  forgotPassword: 'auth.password.forgot',
  /** ResetPasswordDto → {reset: true}: spends the token, sets the password, ends every session */
  resetPassword: 'auth.password.reset',
  /** VerifyEmailDto → {verified: true}: spends the token, marks the address verified */
  verifyEmail: 'auth.email.verify',
  /** {} (actor required) → {accepted: true}: a new verification e-mail unless already verified */
  resendVerification: 'auth.email.verify.resend',
} as const;
