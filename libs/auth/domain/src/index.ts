export * from './lib/auth-domain.module';
