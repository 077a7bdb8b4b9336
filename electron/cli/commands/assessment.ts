import { OUTCOME_LABELS, RATING_LABELS, parseRatingWord } from '../../../shared/assessment/ratings';
import { parseFrameworkKey } from '../../../shared/framework/schema';
import { readTextFile } from '../../core/files/read-text';
import {
  booleanOptions,
  CliFailure,
  type Command,
  flag,
  pad,
  required,
  str,
  stringOptions,
} from '../command';
import { FILE_LIMITS } from '../../../shared/limits';

export const assessmentCommands: Command[] = [
  {
    path: ['assessment', 'start'],
    summary:
      'Start a self-assessment, or an external assessment by a named assessor (pinned to a framework version for ever)',
    usage:
      'assessment start --provider ID --kind self [--framework ID[@VERSION]]\n' +
      '       spqa assessment start --provider ID --kind external --assessor NAME (--declare-no-conflict | --declare-conflict TEXT) [--from SELF_ASSESSMENT_ID] [--framework ID[@VERSION]]',
    options: {
      ...stringOptions('provider', 'kind', 'framework', 'assessor', 'from', 'declare-conflict'),
      ...booleanOptions('declare-no-conflict'),
    },
    async run(ctx, args) {
      const kind = required(args, 'kind');
      const framework = str(args, 'framework');
      const ref = framework ? parseFrameworkKey(framework) : null;
      const providerId = required(args, 'provider');
      if (kind === 'self') {
        const assessment = await ctx.call('assessments.start', {
          providerId,
          kind,
          frameworkId: ref?.id,
          frameworkVersion: ref?.version ?? undefined,
        });
        ctx.print(
          assessment,
          () =>
            `started ${assessment.id} (${assessment.frameworkId}@${assessment.frameworkVersion})`,
        );
        return;
      }
      if (kind !== 'external')
        throw new CliFailure(`--kind must be self or external (got "${kind}")`);
      const conflict = str(args, 'declare-conflict');
      const none = flag(args, 'declare-no-conflict');
      if (conflict !== undefined && none)
        throw new CliFailure('give --declare-no-conflict or --declare-conflict, not both');
      if (conflict === undefined && !none) {
        throw new CliFailure(
          'an assessor must declare conflicts of interest first: --declare-no-conflict, or --declare-conflict TEXT ' +
            '(advice or consultancy to this provider in the past two years blocks the assessment)',
        );
      }
      const assessment = await ctx.call('assessments.startExternal', {
        providerId,
        assessor: required(args, 'assessor'),
        fromAssessmentId: str(args, 'from'),
        frameworkId: ref?.id,
        frameworkVersion: ref?.version ?? undefined,
        declaration:
          conflict !== undefined ? { kind: 'conflict', text: conflict } : { kind: 'none' },
      });
      ctx.print(assessment, () =>
        assessment.conflict
          ? `recorded ${assessment.id} with the declared conflict; the assessment is blocked and cannot be rated or submitted`
          : `started ${assessment.id} (${assessment.frameworkId}@${assessment.frameworkVersion}), assessor ${assessment.assessor}`,
      );
    },
  },
  {
    path: ['assessment', 'list'],
    summary: 'List assessments',
    usage: 'assessment list [--provider ID]',
    options: stringOptions('provider'),
    async run(ctx, args) {
      const list = await ctx.call('assessments.list', { providerId: str(args, 'provider') });
      ctx.print(list, () =>
        pad([
          ['ID', 'PROVIDER', 'KIND', 'STATUS', 'RATED', 'SCORE', 'OUTCOME TODAY'],
          ...list.map((a) => [
            a.id,
            a.providerName,
            a.kind,
            a.status,
            `${a.progressPercent}%`,
            `${a.scorePercent}%`,
            OUTCOME_LABELS[a.outcome],
          ]),
        ]),
      );
    },
  },
  {
    path: ['assessment', 'rate'],
    summary: 'Rate one criterion (N/A needs --reason)',
    usage:
      'assessment rate ID --criterion CODE --rating met|partial|not-met|na [--note TEXT] [--reason TEXT] [--override-reason TEXT]',
    options: stringOptions('criterion', 'rating', 'note', 'reason', 'override-reason'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const word = required(args, 'rating');
      const rating = parseRatingWord(word);
      if (!rating)
        throw new CliFailure(`--rating must be met, partial, not-met or na (got "${word}")`);
      const result = await ctx.call('assessments.rate', {
        id: args.positionals[0],
        criterion: required(args, 'criterion'),
        rating,
        note: str(args, 'note'),
        reason: str(args, 'reason'),
        overrideReason: str(args, 'override-reason'),
      });
      ctx.print(
        result,
        () =>
          `${result.rating?.criterion}: ${RATING_LABELS[rating]}; ${result.readiness.rated}/${result.readiness.applicable} rated, ` +
          `outcome today: ${OUTCOME_LABELS[result.readiness.outcome]}`,
      );
    },
  },
  {
    path: ['assessment', 'import-ratings'],
    summary:
      'Apply ratings from a CSV (criterion,rating,note,reason,override_reason); all or nothing',
    usage: 'assessment import-ratings ID FILE.csv',
    positionals: { min: 2, max: 2 },
    async run(ctx, args) {
      const [id, file = ''] = args.positionals;
      const result = await ctx.call('assessments.importRatings', {
        id,
        fileName: file,
        csv: readTextFile(file, FILE_LIMITS.ratingsCsv),
      });
      ctx.print(
        result,
        () =>
          `applied ${result.applied} ratings; outcome today: ${OUTCOME_LABELS[result.readiness.outcome]}`,
      );
    },
  },
  {
    path: ['assessment', 'show'],
    summary:
      'Show ratings, per-domain scores, essential criteria not met and the recommended outcome',
    usage: 'assessment show ID',
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const detail = await ctx.call('assessments.get', { id: args.positionals[0] });
      const { assessment, readiness } = detail;
      const ratings = new Map(detail.ratings.map((rating) => [rating.criterion, rating]));
      ctx.print(
        {
          assessment,
          ratings: detail.ratings,
          domains: readiness.domains,
          essentialNotMet: readiness.essentialGaps,
          recommendedOutcome: readiness.outcome,
          readiness,
          actions: detail.actions,
        },
        () => {
          const lines = [
            `${assessment.providerName}: ${assessment.kind}-assessment ${assessment.id} (${assessment.status}), ${assessment.frameworkId}@${assessment.frameworkVersion}`,
            `Rated ${readiness.rated} of ${readiness.applicable} (${readiness.progressPercent}%); score ${readiness.scorePercent}%`,
            `Recommended outcome today: ${OUTCOME_LABELS[readiness.outcome]}`,
            '',
            pad([
              ['DOMAIN', 'RATED', 'SCORE'],
              ...readiness.domains.map((d) => [
                `${d.code} ${d.title}`,
                `${d.rated}/${d.applicable}`,
                `${d.scorePercent}%`,
              ]),
            ]),
            '',
            readiness.essentialGaps.length === 0
              ? 'All essential criteria are met.'
              : 'Essential criteria not met:',
            ...readiness.essentialGaps.map(
              (g) => `  ${g.code.padEnd(6)} ${g.rating ? RATING_LABELS[g.rating] : 'not rated'}`,
            ),
            '',
            'Ratings:',
            ...detail.applicableCodes.map((code) => {
              const rating = ratings.get(code);
              return `  ${code.padEnd(6)} ${rating ? RATING_LABELS[rating.rating] : '—'}${rating?.reason ? ` (${rating.reason})` : ''}`;
            }),
          ];
          return lines.join('\n');
        },
      );
    },
  },
  {
    path: ['action', 'set'],
    summary: 'Set the improvement action for a criterion (one per criterion)',
    usage:
      'action set ASSESSMENT_ID --criterion CODE --action TEXT --owner NAME --due YYYY-MM-DD [--done]',
    options: { ...stringOptions('criterion', 'action', 'owner', 'due'), ...booleanOptions('done') },
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const action = await ctx.call('actions.save', {
        assessmentId: args.positionals[0],
        criterion: required(args, 'criterion'),
        description: required(args, 'action'),
        owner: required(args, 'owner'),
        dueDate: required(args, 'due'),
        status: args.values.done === true ? 'done' : 'open',
      });
      ctx.print(
        action,
        () => `${action.criterion}: ${action.description} (${action.owner}, due ${action.dueDate})`,
      );
    },
  },
];
