import type { Provider } from '../../../shared/providers/schema';
import {
  PROVIDER_TYPES,
  PROVIDER_TYPE_LABELS,
  REFERRAL_ROUTES,
  REGIONS,
  REGION_LABELS,
  SERVICE_CATEGORIES,
} from '../../../shared/providers/vocabulary';
import { readTextFile } from '../../core/files/read-text';
import {
  booleanOptions,
  type Command,
  flag,
  integerOption,
  pad,
  required,
  str,
  stringOptions,
} from '../command';
import { FILE_LIMITS } from '../../../shared/limits';

function describeProvider(provider: Provider): string {
  const lines = [
    `${provider.name} (${provider.id})`,
    `  type:     ${PROVIDER_TYPE_LABELS[provider.type]}`,
    `  region:   ${provider.region ? REGION_LABELS[provider.region] : '—'}`,
    `  charity:  ${provider.charityNumber ?? '—'}   company: ${provider.companyNumber ?? '—'}`,
    `  address:  ${[provider.addressLine1, provider.addressLine2, provider.town, provider.postcode].filter(Boolean).join(', ') || '—'}`,
  ];
  if (provider.archivedAt) lines.push(`  archived: ${provider.archivedAt}`);
  return lines.join('\n');
}

const providerFieldOptions = stringOptions(
  'name',
  'type',
  'charity-number',
  'company-number',
  'region',
  'postcode',
  'address',
  'town',
  'website',
  'contact-name',
  'contact-email',
  'contact-phone',
);

/** `provider archive` and `provider restore`: one method, archiving or not. */
function archiveCommand(word: 'archive' | 'restore', summary: string): Command {
  return {
    path: ['provider', word],
    summary,
    usage: `provider ${word} ID`,
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const provider = await ctx.call('providers.archive', {
        id: args.positionals[0],
        archived: word === 'archive',
      });
      ctx.print(provider, () => `${word === 'archive' ? 'archived' : 'restored'} ${provider.name}`);
    },
  };
}

export const providerCommands: Command[] = [
  {
    path: ['provider', 'add'],
    summary: 'Add a provider organisation',
    usage: `provider add --name NAME --type ${PROVIDER_TYPES.join('|')} [--charity-number N] [--company-number N] [--region R] [--postcode P] [--address LINE] [--town T] [--website URL] [--contact-name N --contact-email E --contact-phone P]`,
    options: providerFieldOptions,
    async run(ctx, args) {
      const contactName = str(args, 'contact-name');
      const provider = await ctx.call('providers.create', {
        name: required(args, 'name'),
        type: required(args, 'type'),
        charityNumber: str(args, 'charity-number'),
        companyNumber: str(args, 'company-number'),
        region: str(args, 'region'),
        postcode: str(args, 'postcode'),
        addressLine1: str(args, 'address'),
        town: str(args, 'town'),
        website: str(args, 'website'),
        contacts: contactName
          ? [
              {
                name: contactName,
                email: str(args, 'contact-email'),
                phone: str(args, 'contact-phone'),
              },
            ]
          : [],
      });
      ctx.print(provider, () => describeProvider(provider));
    },
  },
  {
    path: ['provider', 'list'],
    summary: 'List providers, optionally searching by name, charity or company number, or postcode',
    usage: `provider list [--search TEXT] [--region ${REGIONS.join('|')}] [--type T] [--archived] [--limit N]`,
    options: {
      ...stringOptions('search', 'region', 'type', 'limit'),
      ...booleanOptions('archived'),
    },
    async run(ctx, args) {
      const result = await ctx.call('providers.list', {
        query: str(args, 'search'),
        region: str(args, 'region'),
        type: str(args, 'type'),
        includeArchived: flag(args, 'archived'),
        limit: integerOption(args, 'limit') ?? 500,
      });
      ctx.print(result, () =>
        result.items.length === 0
          ? 'no providers'
          : pad([
              ['ID', 'NAME', 'TYPE', 'REGION', 'POSTCODE', 'LATEST ASSESSMENT'],
              ...result.items.map((p) => [
                p.id,
                p.name,
                p.type,
                p.region ?? '—',
                p.postcode ?? '—',
                p.latestAssessment
                  ? `${p.latestAssessment.kind} ${p.latestAssessment.status} ${p.latestAssessment.progressPercent}%`
                  : '—',
              ]),
            ]) +
            (result.total > result.items.length
              ? `\n(${result.items.length} of ${result.total})`
              : ''),
      );
    },
  },
  {
    path: ['provider', 'show'],
    summary: 'Show a provider with its services and assessments',
    usage: 'provider show ID',
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const detail = await ctx.call('providers.get', { id: args.positionals[0] });
      ctx.print(detail, () => {
        const lines = [describeProvider(detail.provider), '', 'Services:'];
        for (const service of detail.services) {
          lines.push(
            `  ${service.id}  ${service.name} [${service.category}] ${service.acceptingReferrals ? 'accepting referrals' : 'not accepting referrals'}` +
              `${service.waitingWeeks !== null ? `, wait ${service.waitingWeeks} weeks` : ''}`,
          );
        }
        lines.push('', 'Assessments:');
        for (const assessment of detail.assessments) {
          lines.push(
            `  ${assessment.id}  ${assessment.kind} ${assessment.status} ${assessment.frameworkId}@${assessment.frameworkVersion} ${assessment.progressPercent}% rated`,
          );
        }
        return lines.join('\n');
      });
    },
  },
  {
    path: ['provider', 'import'],
    summary: 'Import providers from a CSV file; nothing is imported if any row has a problem',
    usage: 'provider import FILE.csv [--dry-run]',
    options: booleanOptions('dry-run'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const file = args.positionals[0] ?? '';
      const result = await ctx.call('providers.importCsv', {
        fileName: file,
        csv: readTextFile(file, FILE_LIMITS.providerCsv),
        dryRun: flag(args, 'dry-run'),
      });
      ctx.print(result, () =>
        result.dryRun
          ? `${result.imported} providers would be imported`
          : `imported ${result.imported} providers`,
      );
    },
  },
  archiveCommand('archive', 'Archive a provider (kept, but hidden from lists)'),
  archiveCommand('restore', 'Restore an archived provider'),
  {
    path: ['service', 'add'],
    summary: 'Add a service or activity to a provider',
    usage: `service add --provider ID --name NAME --category ${SERVICE_CATEGORIES.join('|')} --referral-route ${REFERRAL_ROUTES.join('|')} [--self-referral] [--not-accepting] [--places N] [--waiting-weeks N] [--description TEXT]`,
    options: {
      ...stringOptions(
        'provider',
        'name',
        'category',
        'referral-route',
        'places',
        'waiting-weeks',
        'description',
      ),
      ...booleanOptions('self-referral', 'not-accepting'),
    },
    async run(ctx, args) {
      const service = await ctx.call('services.create', {
        providerId: required(args, 'provider'),
        fields: {
          name: required(args, 'name'),
          category: required(args, 'category'),
          referralRoute: required(args, 'referral-route'),
          description: str(args, 'description'),
          selfReferral: flag(args, 'self-referral'),
          acceptingReferrals: !flag(args, 'not-accepting'),
          placesPerMonth: integerOption(args, 'places'),
          waitingWeeks: integerOption(args, 'waiting-weeks'),
        },
      });
      ctx.print(service, () => `added ${service.name} (${service.id})`);
    },
  },
];
