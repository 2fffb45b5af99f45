/** The CatalogConfig instance the service started with. */
export const CATALOG_CONFIG = Symbol('CATALOG_CONFIG');
/** The cache port (CachePort): Redis in the service, anything with the same contract in tests. */
export const CACHE_PORT = Symbol('CACHE_PORT');
