/** The apps with an ops port, in the order of their development ports (9100, 9101, ...). */
export const OPS_APPS = ['gateway', 'auth', 'catalog', 'orders', 'notifications'] as const;
export type OpsApp = (typeof OPS_APPS)[number];

/** An app's `/metrics`: <APP>_OPS_PORT as the system runner sets it, else the development port. */
export function opsMetricsUrl(app: OpsApp): string {
  const port = process.env[`${app.toUpperCase()}_OPS_PORT`] ?? String(9100 + OPS_APPS.indexOf(app));
  return `http://127.0.0.1:${port}/metrics`;
}

/**
 * The sum of every series of `name` carrying all of `labels` in the Prometheus text at `url`
 * (undefined when there is none). Every series also carries the app's `service` label.
 */
export async function scrapeMetric(
  url: string,
  name: string,
  labels: Record<string, string> = {},
): Promise<number | undefined> {
  const text = await (await fetch(url)).text();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const values = text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => wanted.every((pair) => line.includes(pair)))
    .map((line) => Number(line.split(' ').pop()));
  return values.length ? values.reduce((sum, value) => sum + value, 0) : undefined;
}
