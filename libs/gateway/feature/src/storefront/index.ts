export * from './storefront.routes';
export * from './storefront-request';
export * from './storefront-url.constraint';
