// SPDX-License-Identifier: Apache-2.0
// Test helper: generates signing keys and mints JWTs with the `jose` library, so the gateway's
// OpenSSL verifier is checked against an independent implementation.
// stdin:  {"keys":[{"kid":"rs","alg":"RS256"},...], "secrets":{"hs":"shared-secret"},
//          "tokens":[{"kid":"rs","alg":"RS256","claims":{...},"header":{...},"expiresIn":"5m"}]}
// stdout: {"jwks":{"keys":[...]}, "pem":{"rs":"-----BEGIN PUBLIC KEY-----..."}, "tokens":["..."]}
import * as jose from 'jose';

const input = JSON.parse(await new Promise((resolve) => {
  let data = '';
  process.stdin.on('data', (c) => (data += c));
  process.stdin.on('end', () => resolve(data));
}));

const keys = {};
const jwks = { keys: [] };
const pem = {};
for (const k of input.keys ?? []) {
  const opts = k.alg === 'EdDSA' ? { crv: 'Ed25519', extractable: true } : { extractable: true };
  const { publicKey, privateKey } = await jose.generateKeyPair(k.alg, opts);
  keys[k.kid] = privateKey;
  const jwk = await jose.exportJWK(publicKey);
  jwk.kid = k.kid;
  if (k.withAlg !== false) jwk.alg = k.alg;
  jwk.use = 'sig';
  jwks.keys.push(jwk);
  pem[k.kid] = await jose.exportSPKI(publicKey);
}
for (const [kid, secret] of Object.entries(input.secrets ?? {})) keys[kid] = new TextEncoder().encode(secret);

const tokens = [];
for (const t of input.tokens ?? []) {
  if (t.alg === 'none') {
    tokens.push(new jose.UnsecuredJWT(t.claims).encode());
    continue;
  }
  let jwt = new jose.SignJWT(t.claims).setProtectedHeader({ alg: t.alg, kid: t.kid, ...(t.header ?? {}) });
  if (t.expiresIn) jwt = jwt.setExpirationTime(t.expiresIn);
  if (t.exp !== undefined) jwt = jwt.setExpirationTime(t.exp);
  if (t.nbf !== undefined) jwt = jwt.setNotBefore(t.nbf);
  jwt = jwt.setIssuedAt();
  tokens.push(await jwt.sign(keys[t.signWith ?? t.kid]));
}
process.stdout.write(JSON.stringify({ jwks, pem, tokens }));
