import { z } from 'zod';

/** Fields many methods take, each bounded and worded once. */
export const id = z.string().min(1, 'an id is required');
export const passphrase = z.string().min(1, 'the signing passphrase is required').max(1000);
/** The name a file was given under, for messages; its content travels in another field. */
export const fileName = z.string().min(1).max(1000);
