import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The custom server (server/index.ts) owns the HTTP listener; Next only renders.
  poweredByHeader: false,
  reactStrictMode: true,
  // Aksel ships CSS and ESM that Next must transpile for the App Router.
  transpilePackages: ['@navikt/ds-react', '@navikt/aksel-icons'],
  // Their index files re-export everything (the date pickers with date-fns, every icon): import
  // what a page uses from its own module, so a phone does not download the rest.
  experimental: { optimizePackageImports: ['@navikt/ds-react', '@navikt/aksel-icons'] },
  // pdfmake reads its fonts from its own folder at run time (server/reports/pdf.ts), so it stays unbundled.
  // Server rendering must use the same Yjs instance as the custom server (one process): a
  // bundled second copy breaks Yjs's constructor checks ("Yjs was already imported").
  serverExternalPackages: ['yjs', 'y-protocols', 'y-websocket', 'lib0', 'pdfmake'],
  // `npm test` type-checks the whole repository (tests included) with tsc; a type error in a
  // test must not stop `npm start` from building the app.
  typescript: { ignoreBuildErrors: true },
};

export default withNextIntl(nextConfig);
