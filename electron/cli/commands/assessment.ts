import { OUTCOME_LABELS, RATING_LABELS, parseRatingWord } from '../../../shared/assessment/ratings';
import { parseFrameworkKey } from '../../../shared/framework/schema';
import { readTextFile } from '../../core/files/read-text';
import { CliFailure, flag, pad, required, str, type Command } from '../command';
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
      provider: { type: 'string' },
      kind: { type: 'string' },
      framework: { type: 'string' },
      assessor: { type: 'string' },
      from: { type: 'string' },
      'declare-no-conflict': { type: 'boolean' },
      'declare-conflict': { type: 'string' },
    },
    positionals: { min: 0, max: 0 },
    async run(ctx, args) {
      const kind = required(args, 'kind');
      const fw = str(args, 'framework');
      const ref = fw ? parseFrameworkKey(fw) : null;
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
    options: { provider: { type: 'string' } },
    positionals: { min: 0, max: 0 },
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
    options: {
      criterion: { type: 'string' },
      rating: { type: 'string' },
      note: { type: 'string' },
      reason: { type: 'string' },
      'override-reason': { type: 'string' },
    },
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
    options: {},
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
    options: {},
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const detail = await ctx.call('assessments.get', { id: args.positionals[0] });
      const { assessment: a, readiness: r } = detail;
      const ratings = new Map(detail.ratings.map((x) => [x.criterion, x]));
      ctx.print(
        {
          assessment: a,
          ratings: detail.ratings,
          domains: r.domains,
          essentialNotMet: r.essentialGaps,
          recommendedOutcome: r.outcome,
          readiness: r,
          actions: detail.actions,
        },
        () => {
          const lines = [
            `${a.providerName}: ${a.kind}-assessment ${a.id} (${a.status}), ${a.frameworkId}@${a.frameworkVersion}`,
            `Rated ${r.rated} of ${r.applicable} (${r.progressPercent}%); score ${r.scorePercent}%`,
            `Recommended outcome today: ${OUTCOME_LABELS[r.outcome]}`,
            '',
            pad([
              ['DOMAIN', 'RATED', 'SCORE'],
              ...r.domains.map((d) => [
                `${d.code} ${d.title}`,
                `${d.rated}/${d.applicable}`,
                `${d.scorePercent}%`,
              ]),
            ]),
            '',
            r.essentialGaps.length === 0
              ? 'All essential criteria are met.'
              : 'Essential criteria not met:',
            ...r.essentialGaps.map(
              (g) => `  ${g.code.padEnd(6)} ${g.rating ? RATING_LABELS[g.rating] : 'not rated'}`,
            ),
            '',
            'Ratings:',
            ...detail.applicableCodes.map((code) => {
              const x = ratings.get(code);
              return `  ${code.padEnd(6)} ${x ? RATING_LABELS[x.rating] : '—'}${x?.reason ? ` (${x.reason})` : ''}`;
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
    options: {
      criterion: { type: 'string' },
      action: { type: 'string' },
      owner: { type: 'string' },
      due: { type: 'string' },
      done: { type: 'boolean' },
    },
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
