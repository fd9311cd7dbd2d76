import { createPublicKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import type { Realm } from '@keel/shared';
import {
  ACCESS_TOKEN_LIFETIME_MILLISECONDS,
  authPath,
  createAccount,
  getMe,
  hmacSignedCopy,
  loginForTokens,
  postRefresh,
  resignedCopy,
  tokenClaims,
  tokenHeader,
  unsignedCopy,
} from './support/auth-helpers';
import { createTenantUser, signIn, type TestAccount } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

function newSigningKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString() };
}

type PublishedKey = JsonWebKey & { kid: string };

async function publishedKeys(test: TestApp): Promise<PublishedKey[]> {
  return (await request(test.http).get('/.well-known/jwks.json').expect(200)).body.keys;
}

interface OldSession {
  account: TestAccount;
  accessToken: string;
  refreshToken: string;
}

// One installation through a rotation (SECURITY.md): tokens are issued under the old key, then the app
// restarts with the new key and the old one in JWT_PREVIOUS_PUBLIC_KEYS, then without the old one. The
// phases run one after the other, each app alone: passport keeps one strategy per name in the process.
describe('signing-key rotation', () => {
  const oldKey = newSigningKey();
  const newKey = newSigningKey();
  let oldKid: string;
  const issuedBeforeRotation: Record<string, OldSession> = {};
  const oldGenuine: Record<Realm, string> = { tenant: '', platform: '' };

  beforeAll(async () => {
    const before = await startTestApp({ JWT_PRIVATE_KEY: oldKey.privatePem });
    try {
      for (const purpose of ['accepted', 'expires', 'renewed', 'signs-out', 'removed']) {
        const account = await createTenantUser(before);
        const { access_token, refresh_token } = await loginForTokens(before, account);
        issuedBeforeRotation[purpose] = { account, accessToken: access_token, refreshToken: refresh_token };
      }
      for (const realm of ['tenant', 'platform'] as const) {
        const account = await createAccount(before, realm);
        oldGenuine[realm] = (await signIn(before, account)).accessToken;
        issuedBeforeRotation[`revoked-${realm}`] = { account, ...(await signIn(before, account)) };
      }
      [{ kid: oldKid }] = await publishedKeys(before);
    } finally {
      await before.close();
    }
  });

  describe('while the previous key is listed in JWT_PREVIOUS_PUBLIC_KEYS', () => {
    let rotated: TestApp;

    beforeAll(async () => {
      rotated = await startTestApp({ JWT_PRIVATE_KEY: newKey.privatePem, JWT_PREVIOUS_PUBLIC_KEYS: oldKey.publicPem });
    });
    afterAll(() => rotated.close());
    afterEach(() => rotated.clock.reset());

    it('accepts a token of the previous key, while new tokens carry the new kid', async () => {
      const { account, accessToken: oldToken } = issuedBeforeRotation.accepted;
      expect(tokenHeader(oldToken).kid).toBe(oldKid);
      await getMe(rotated, 'tenant', oldToken).expect(200);

      const { access_token: newToken } = await loginForTokens(rotated, account);
      expect(tokenHeader(newToken).kid).not.toBe(oldKid);
      await getMe(rotated, 'tenant', newToken).expect(200);
    });

    it('refuses a token of the previous key once it has expired', async () => {
      const { accessToken: oldToken } = issuedBeforeRotation.expires;
      await getMe(rotated, 'tenant', oldToken).expect(200);
      rotated.clock.advance(ACCESS_TOKEN_LIFETIME_MILLISECONDS + 1_000);
      await getMe(rotated, 'tenant', oldToken).expect(401);
    });

    it('publishes the signing key first and then the previous key, each under the kid its tokens carry', async () => {
      const { account, accessToken: oldToken } = issuedBeforeRotation.accepted;
      const { access_token: newToken } = await loginForTokens(rotated, account);

      const keys = await publishedKeys(rotated);
      // The kid is derived from the key, so the old key keeps the id its tokens carry.
      expect(keys.map((key) => key.kid)).toEqual([tokenHeader(newToken).kid, oldKid]);
      for (const key of keys) expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      for (const key of keys) expect(key.d).toBeUndefined();
      // A relying party verifies each token with the published key its kid names.
      for (const token of [newToken, oldToken]) {
        const key = keys.find((candidate) => candidate.kid === tokenHeader(token).kid)!;
        expect(jwt.verify(token, createPublicKey({ key, format: 'jwk' }), { algorithms: ['ES256'], audience: 'tenant', issuer: 'keel' })).toMatchObject({ sub: account.id });
      }
    });

    it('renews a session begun under the previous key with tokens of the new key', async () => {
      const { refreshToken } = issuedBeforeRotation.renewed;
      const renewed = await postRefresh(rotated, 'tenant', refreshToken).expect(200);
      const [signingKey] = await publishedKeys(rotated);
      expect(tokenHeader(renewed.body.access_token).kid).toBe(signingKey.kid);
      await getMe(rotated, 'tenant', renewed.body.access_token).expect(200);
    });

    it('signs out with an access token of the previous key, which then answers 401', async () => {
      const { accessToken: oldToken } = issuedBeforeRotation['signs-out'];
      await request(rotated.http).post(authPath('tenant', 'logout')).auth(oldToken, { type: 'bearer' }).send({}).expect(200);
      await getMe(rotated, 'tenant', oldToken).expect(401);
    });

    // Every check of a bearer token fails closed (SPEC §1: a forged token answers 401), for every key of a rotation.
    describe.each<Realm>(['tenant', 'platform'])('a forged or unacceptable %s access token', (realm) => {
      let genuine: string;

      beforeAll(async () => {
        genuine = (await signIn(rotated, await createAccount(rotated, realm))).accessToken;
      });

      const newKid = () => tokenHeader(genuine).kid;
      const expiredClaims = () => ({ exp: (tokenClaims(genuine).iat as number) - 1 });

      it('is accepted when re-signed unchanged with a trusted key, so that each refusal below is the change alone', async () => {
        await getMe(rotated, realm, resignedCopy(genuine, newKey.privatePem, { kid: newKid() })).expect(200);
        await getMe(rotated, realm, resignedCopy(oldGenuine[realm], oldKey.privatePem, { kid: oldKid })).expect(200);
      });

      // Sign-out accepts an expired token of its own session (SPEC §3), so these are only refused as credentials.
      it.each<[string, () => string]>([
        ['an expiry in the past', () => resignedCopy(genuine, newKey.privatePem, { kid: newKid(), changes: expiredClaims() })],
        ['no expiry', () => resignedCopy(genuine, newKey.privatePem, { kid: newKid(), changes: { exp: undefined } })],
        ['an expiry in the past, under the previous key', () => resignedCopy(oldGenuine[realm], oldKey.privatePem, { kid: oldKid, changes: expiredClaims() })],
      ])('answers 401 for %s', async (_case, forge) => {
        await getMe(rotated, realm, forge()).expect(401);
      });

      it.each<[string, () => string]>([
        ['another issuer', () => resignedCopy(genuine, newKey.privatePem, { kid: newKid(), changes: { iss: 'someone-else' } })],
        ['no issuer', () => resignedCopy(genuine, newKey.privatePem, { kid: newKid(), changes: { iss: undefined } })],
        ['another audience', () => resignedCopy(genuine, newKey.privatePem, { kid: newKid(), changes: { aud: `${realm}-mfa` } })],
        ['no audience', () => resignedCopy(genuine, newKey.privatePem, { kid: newKid(), changes: { aud: undefined } })],
        ['no kid', () => resignedCopy(genuine, newKey.privatePem, { kid: undefined })],
        ['an unknown kid', () => resignedCopy(genuine, newKey.privatePem, { kid: 'a-key-that-was-rotated-out' })],
        ['the previous key’s kid over the current key’s signature', () => resignedCopy(genuine, newKey.privatePem, { kid: oldKid })],
        ['alg none', () => unsignedCopy(genuine)],
        ['alg none under the previous key’s kid', () => unsignedCopy(oldGenuine[realm])],
        ['HS256 with the published public key as the secret', () => hmacSignedCopy(genuine, newKey.publicPem)],
        ['HS256 with the previous public key as the secret', () => hmacSignedCopy(oldGenuine[realm], oldKey.publicPem)],
      ])('answers 401 for %s, and cannot sign out with it', async (_case, forge) => {
        const forged = forge();
        await getMe(rotated, realm, forged).expect(401);
        await request(rotated.http).post(authPath(realm, 'logout')).auth(forged, { type: 'bearer' }).send({}).expect(401);
        await getMe(rotated, realm, genuine).expect(200);
      });

      it('answers 401 once its session is revoked, under either key', async () => {
        const current = await signIn(rotated, await createAccount(rotated, realm));
        const previous = issuedBeforeRotation[`revoked-${realm}`].accessToken;
        for (const token of [current.accessToken, previous]) {
          await getMe(rotated, realm, token).expect(200);
          await request(rotated.http).post(authPath(realm, 'logout')).auth(token, { type: 'bearer' }).send({}).expect(200);
          await getMe(rotated, realm, token).expect(401);
        }
      });
    });
  });

  describe('once the previous key is removed', () => {
    let after: TestApp;

    beforeAll(async () => {
      after = await startTestApp({ JWT_PRIVATE_KEY: newKey.privatePem });
    });
    afterAll(() => after.close());

    it('refuses a token of the removed key with 401 and keeps accepting the new key’s tokens', async () => {
      const { account, accessToken: oldToken } = issuedBeforeRotation.removed;
      await getMe(after, 'tenant', oldToken).expect(401);
      await request(after.http).get('/api/v1/me').auth(oldToken, { type: 'bearer' }).expect(401);
      const { access_token: newToken } = await loginForTokens(after, account);
      await getMe(after, 'tenant', newToken).expect(200);
    });

    it('no longer publishes the removed key', async () => {
      const keys = await publishedKeys(after);
      expect(keys).toHaveLength(1);
      expect(keys[0].kid).not.toBe(oldKid);
    });
  });
});
