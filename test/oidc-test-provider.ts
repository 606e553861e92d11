import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider } from 'oidc-provider';

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** Entra ID's user principal name: looks like an e-mail address, verified by nobody. */
  preferred_username?: string;
}

export interface TestProviderOptions {
  /** Our callback, registered for the test client. */
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a random loopback port. Its login and
 * consent screens are replaced by an interaction that signs in `provider.signInAs` at once and
 * grants what was asked, so a test can walk the whole redirect dance with plain HTTP.
 */
export async function startTestProvider(options: TestProviderOptions) {
  const accounts = new Map<string, TestAccount>();
  const clientId = options.clientId ?? 'verksted-test';
  const clientSecret = options.clientSecret ?? 'test-client-secret-0123456789';
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const state = { signInAs: '' };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    // Put the scope's claims in the ID token itself, as Entra ID does with optional claims.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['oidc-test-provider-cookie-key'] },
    // Generous lifetimes: a loaded machine must not turn a slow test into an expired grant. The
    // code's own default is 60 s, shorter than a flood of 10,000 sign-ins takes under load.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 600 },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => Promise.resolve({ sub, ...account }) } : undefined;
    },
  });
  const providerCallback = provider.callback();

  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return providerCallback(req, res);
    void interact(req, res).catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });

  async function interact(req: http.IncomingMessage, res: http.ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(req, res, { login: { accountId: state.signInAs } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = details.grantId
      ? ((await provider.Grant.find(details.grantId)) ?? fail('grant vanished'))
      : new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
    const missingScope = details.prompt.details.missingOIDCScope as string[] | undefined;
    const missingClaims = details.prompt.details.missingOIDCClaims as string[] | undefined;
    if (missingScope) grant.addOIDCScope(missingScope.join(' '));
    if (missingClaims) grant.addOIDCClaims(missingClaims);
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  return {
    issuer,
    clientId,
    clientSecret,
    /** Adds (or replaces) an account the provider can sign in. */
    account(sub: string, claims: TestAccount) {
      accounts.set(sub, claims);
    },
    /** The account the next login interaction signs in. */
    signInAs(sub: string) {
      state.signInAs = sub;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function fail(message: string): never {
  throw new Error(message);
}
