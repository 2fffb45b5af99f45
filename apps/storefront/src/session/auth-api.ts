import { api } from '../api/api-client';
import type { TokenPair, User } from '../api/types';

/** The auth routes the storefront uses (shared/API.md, Auth). */
export const authApi = {
  login: (email: string, password: string) =>
    api.request<TokenPair>('/auth/login', { method: 'POST', body: { email, password }, auth: false }),
  register: (name: string, email: string, password: string) =>
    api.request<User>('/auth/register', { method: 'POST', body: { name, email, password }, auth: false }),
  refresh: (refreshToken: string) =>
    api.request<TokenPair>('/auth/refresh', { method: 'POST', body: { refreshToken }, auth: false }),
  logout: (refreshToken: string) =>
    api.request<void>('/auth/logout', { method: 'POST', body: { refreshToken } }),
  me: () => api.get<User>('/auth/me'),
};
