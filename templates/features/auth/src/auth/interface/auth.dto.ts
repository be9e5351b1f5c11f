import { z } from '@hono/zod-openapi';

import { dataSchema, entityFields } from '../../_core/interface/schemas.js';
import { ROLES } from '../domain/user.entity.js';

/** NIST SP 800-63B: at least 8 characters, and long passphrases welcome. */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

const email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase())
  .openapi({ example: 'ada@example.com' });

// The format is `password` so docs pages mask it; the schema appears only in requests.
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH)
  .max(MAX_PASSWORD_LENGTH)
  .openapi({ format: 'password', example: 'correct horse battery staple' });

export const credentialsSchema = z.strictObject({ email, password }).openapi('Credentials');

export const refreshTokenSchema = z
  .strictObject({ refreshToken: z.string().min(1).max(200) })
  .openapi('RefreshTokenRequest');

export const userSchema = z
  .object({ ...entityFields, email: z.string(), role: z.enum(ROLES) })
  .openapi('User');

export const tokenPairSchema = dataSchema(
  z
    .object({
      accessToken: z.string(),
      refreshToken: z.string(),
      tokenType: z.literal('Bearer'),
      expiresIn: z
        .number()
        .int()
        .openapi({ description: 'Seconds until the access token expires' }),
    })
    .openapi('TokenPair'),
);
