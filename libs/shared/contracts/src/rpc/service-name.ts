/** The services behind the gateway; each consumes `<name>.rpc` and `<name>.events`. */
export const SERVICE_NAMES = ['auth', 'catalog', 'orders', 'notifications'] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];
