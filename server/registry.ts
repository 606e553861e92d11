import type { Services } from './services';

/**
 * Next.js bundles the pages separately from the custom server, so a module-level singleton
 * would exist twice (and PGlite cannot open one data directory twice). The server puts its
 * one set of services on globalThis before Next starts; pages and actions take them here.
 */
const KEY = Symbol.for('verksted.services');
type Holder = { [KEY]?: Services };

export function registerServices(services: Services | undefined): void {
  (globalThis as Holder)[KEY] = services;
}

export function getServices(): Services {
  const services = (globalThis as Holder)[KEY];
  if (!services) throw new Error('Verksted services are not running: start the app with `npm start`.');
  return services;
}
