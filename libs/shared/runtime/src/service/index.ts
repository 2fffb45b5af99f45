export * from './index-builder';
export * from './service-core.module';
