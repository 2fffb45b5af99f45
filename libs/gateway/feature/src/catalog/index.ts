export * from './book-cache';
export * from './book-id.pipe';
export * from './books.controller';
export * from './cached-book-read.hook';
export * from './catalog-routes.module';
