export * from './error-response.dto';
export * from './page';
export * from './pagination.query';
