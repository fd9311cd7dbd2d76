import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

// Verified against when the e-mail is unknown, so that response time does not reveal which accounts exist.
const UNKNOWN_ACCOUNT_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0ZVzbiSxnWEmwbWu9b7Xj4qLpYFjJ2nE8Pb8yrCuyUQ';

/** Argon2id password hashing (OWASP parameters). */
@Injectable()
export class PasswordService {
  hash(password: string): Promise<string> {
    return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  }

  async verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    try {
      const matches = await verify(passwordHash ?? UNKNOWN_ACCOUNT_HASH, password);
      return matches && !!passwordHash;
    } catch {
      return false;
    }
  }
}
