// What the browser tests and the API they start agree on.
export const baseUrl = 'http://localhost:3100';

export const bootstrapAdmin = {
  email: 'admin@keel.test',
  password: 'e2e-bootstrap-admin-passphrase',
} as const;
