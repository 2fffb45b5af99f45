/** Request/reply patterns served by the catalog service (`catalog.rpc` queue). */
export const CATALOG_PATTERNS = {} as const;
