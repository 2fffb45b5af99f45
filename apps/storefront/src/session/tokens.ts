import { api } from '../api/api-client';
import { authApi } from './auth-api';
import { TokenStore } from './token-store';

/** The app's one token store, wired into the API client. */
export const tokens = new TokenStore((refreshToken) => authApi.refresh(refreshToken));
api.useTokens(tokens);
