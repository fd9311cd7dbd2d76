// What the browser tests and the API they start agree on.
// E2E_PORT lets two checkouts run their browser tests side by side.
export const port = Number(process.env.E2E_PORT ?? 3100);
export const baseUrl = `http://localhost:${port}`;

export const bootstrapAdmin = {
  email: 'admin@keel.test',
  password: 'e2e-bootstrap-admin-passphrase',
} as const;

/** The demo organizations the API seeds in demo mode (SEED_DEMO_DATA), all with one password. */
export const demoTenant = {
  password: 'keel-demo-password',
  owner: { email: 'owner@acme.example', name: 'Olivia Owner' },
  viewer: { email: 'viewer@acme.example', name: 'Vera Viewer' },
  // Initech is seeded `pending`: its owner's password is right, but the org may not sign in yet.
  pendingOrgOwner: { email: 'owner@initech.example' },
} as const;

/** Password every staff account a test creates gets. */
export const staffPassword = 'an e2e staff passphrase';

/**
 * The console's non-secret localStorage hint of which realm's refresh cookie may be alive. A test
 * that signs in through the API sets it, as the console does after signing in, so that a page load
 * restores the session from the cookie.
 */
export const realmHintKey = 'keel.session-realm';

/** Environment variable through which the global setup hands the bootstrap admin's access token to the workers. */
export const adminTokenVariable = 'KEEL_E2E_ADMIN_ACCESS_TOKEN';
