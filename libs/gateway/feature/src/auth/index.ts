export * from './access-token.guard';
export * from './auth.decorators';
export * from './auth-routes.config';
export * from './auth-routes.module';
export * from './roles.guard';
export * from './verified-access-token';
