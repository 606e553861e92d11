import type { Config } from '@/server/config';
import { createLogger } from '@/server/logger';
import { createServices } from '@/server/services';
import { testConfig } from './config';
import type { TestDatabase } from './databases';

/** A fresh, migrated database on `driver` with the services built on it, as each service test starts. */
export async function openServices(driver: TestDatabase, config: Config = testConfig()) {
  const { database, drop } = await driver.open();
  return { database, drop, services: createServices(database, config, createLogger('silent')) };
}
