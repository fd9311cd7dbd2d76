// otplib's functional API, re-exported so that tests generate codes the way an authenticator would.
export { generateSecret as generateSecretSync, generateSync } from 'otplib';
