import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Small secrets the browser keeps for us and cannot read or change: AES-256-GCM under a key
 * derived from the server secret and a purpose, with an expiry inside. Any process with the
 * same secret opens them, so nothing about them has to live in one process's memory.
 */
export function createSealer<S extends z.ZodType<{ exp: number }>>(secret: string, purpose: string, schema: S) {
  const key = createHmac('sha256', secret).update(`verksted:sealed:${purpose}:v1`).digest();
  const aad = Buffer.from(purpose);
  return {
    seal(contents: z.infer<S>): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
      const body = Buffer.concat([cipher.update(JSON.stringify(contents), 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
    },
    /** The contents, or null when the value is forged, damaged, sealed for another purpose or expired. */
    open(sealed: string | undefined, now: number): z.infer<S> | null {
      if (!sealed?.startsWith('v1.')) return null;
      const raw = Buffer.from(sealed.slice(3), 'base64url');
      if (raw.length <= IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES)).setAAD(aad);
        decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
        const json = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
        const parsed = schema.safeParse(JSON.parse(json));
        return parsed.success && parsed.data.exp > now ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}
