import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

import type { PasswordHasher } from '../domain/auth.ports.js';

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
/** `$scrypt$ln=17,r=8,p=1$<salt>$<hash>`, the PHC string format with unpadded base64. */
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

interface Cost {
  ln: number;
  r: number;
  p: number;
}

/**
 * scrypt from `node:crypto` (no native build to install), stored as a PHC string so the cost
 * can rise later without breaking old hashes. Passwords are NFKC-normalised first: the same
 * password typed on another keyboard or OS (composed or decomposed accents, full-width
 * forms) must verify, as NIST SP 800-63B asks.
 */
export class ScryptPasswordHasher implements PasswordHasher {
  private dummy: Promise<string> | undefined;

  /** `ln` is log2 of scrypt's N. */
  constructor(private readonly ln: number) {}

  async hash(password: string): Promise<string> {
    const cost = { ln: this.ln, r: BLOCK_SIZE, p: PARALLELISM };
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, cost);
    return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(key)}`;
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const match = PHC.exec(stored);
    if (!match) return false;
    const [, ln, r, p, salt, hash] = match;
    const expected = Buffer.from(hash!, 'base64');
    const cost = { ln: Number(ln), r: Number(r), p: Number(p) };
    const key = await derive(password, Buffer.from(salt!, 'base64'), cost, expected.length);
    return timingSafeEqual(key, expected);
  }

  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash(randomBytes(SALT_BYTES).toString('base64'));
    await this.verify(password, await this.dummy);
    return false;
  }
}

function derive(password: string, salt: Buffer, cost: Cost, length = KEY_BYTES): Promise<Buffer> {
  const N = 2 ** cost.ln;
  // Node refuses more than 32 MiB by default; scrypt needs 128 * N * r bytes.
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
