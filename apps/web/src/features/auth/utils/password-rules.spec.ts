import { describe, expect, it } from 'vitest';
import { validateNewPassword } from './password-rules';

describe('validateNewPassword', () => {
  it('accepts a 12-character password typed twice', () => {
    expect(validateNewPassword('abcdefghijkl', 'abcdefghijkl')).toEqual({});
  });

  it('rejects a password shorter than 12 characters', () => {
    expect(validateNewPassword('short', 'short').password).toBe('Use at least 12 characters');
  });

  it('rejects a confirmation that differs', () => {
    expect(validateNewPassword('abcdefghijkl', 'abcdefghijkm').confirmation).toBe('The passwords do not match');
  });
});
