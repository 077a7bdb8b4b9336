import { readTextFile } from '../../core/files/read-text';
import { type Command, pad, required, stringOptions } from '../command';
import { FILE_LIMITS } from '../../../shared/limits';

/** Senders' public keys: a bundle is imported only when signed by one of these (or by this network). */
export const keysTrustCommands: Command[] = [
  {
    path: ['keys', 'trust'],
    summary: 'Trust a sender’s public key (PEM) so bundles they sign can be imported',
    usage: 'keys trust FILE.pem --name NAME',
    options: stringOptions('name'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const name = required(args, 'name');
      const pem = readTextFile(args.positionals[0] ?? '', FILE_LIMITS.publicKey);
      const key = await ctx.call('trustedKeys.add', { pem, name });
      ctx.print(key, () => `trusted ${key.keyId} as “${key.name}”`);
    },
  },
  {
    path: ['keys', 'trusted'],
    summary: 'List the public keys you trust, with their names',
    usage: 'keys trusted',
    async run(ctx) {
      const keys = await ctx.call('trustedKeys.list', {});
      ctx.print(keys, () =>
        keys.length === 0
          ? 'no trusted keys (this network’s own key is always trusted); add one with spqa keys trust FILE --name NAME'
          : pad([
              ['KEY ID', 'NAME', 'ADDED', 'BY'],
              ...keys.map((k) => [k.keyId, k.name, k.addedAt.slice(0, 10), k.addedBy]),
            ]),
      );
    },
  },
  {
    path: ['keys', 'untrust'],
    summary: 'Stop trusting a public key; bundles it signs are refused from now on',
    usage: 'keys untrust KEYID',
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const { removed } = await ctx.call('trustedKeys.remove', { keyId: args.positionals[0] });
      ctx.print(removed, () => `no longer trusting ${removed.keyId} (“${removed.name}”)`);
    },
  },
];
