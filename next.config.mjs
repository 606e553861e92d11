import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The custom server (server/index.ts) owns the HTTP listener; Next only renders.
  poweredByHeader: false,
  reactStrictMode: true,
  // Aksel ships CSS and ESM that Next must transpile for the App Router.
  transpilePackages: ['@navikt/ds-react', '@navikt/aksel-icons'],
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
