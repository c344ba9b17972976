// A real OpenID provider (npm oidc-provider) on loopback for the portal's end-to-end tests.
//   node oidc-server.mjs --redirect http://127.0.0.1:PORT/callback [--client portal] [--secret S]
// Prints one JSON line {"issuer": "..."} when listening; users: alice (group-a), bob (group-b).
import http from 'node:http';
import Provider from 'oidc-provider';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const redirect = arg('redirect');
const clientId = arg('client', 'portal');
const clientSecret = arg('secret', 'portal-secret');
const users = {
  alice: { given_name: 'Alice', family_name: 'Martin', groups: ['group-a'] },
  bob: { given_name: 'Bob', family_name: 'Keller', groups: ['group-b'] },
};

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirect],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    pkce: { methods: ['S256'], required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name'],
      groups: ['groups'],
    },
    conformIdTokenClaims: false,
    cookies: { keys: ['airgate-test-cookie-key'] },
    async findAccount(ctx, id) {
      const u = users[id] || { given_name: id, family_name: '', groups: [] };
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: `${id}@example.com`, email_verified: true, ...u };
        },
      };
    },
  });
  provider.on('server_error', (ctx, err) => console.error('oidc server_error', err));
  server.on('request', provider.callback());
  process.stdout.write(JSON.stringify({ issuer }) + '\n');
});
process.on('SIGTERM', () => process.exit(0));
