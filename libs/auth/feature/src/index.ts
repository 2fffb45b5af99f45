export * from './auth-feature.module';
export * from './config/auth.config';
