import { getJestProjectsAsync } from '@nx/jest';
import type { Config } from 'jest';

/** Every project's unit and integration specs; the e2e project runs later, against the running system. */
export default async (): Promise<Config> => ({
  projects: (await getJestProjectsAsync()).filter((project) => !project.includes('tests/e2e')),
  maxWorkers: 2,
});
