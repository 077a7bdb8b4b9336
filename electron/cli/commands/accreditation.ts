import {
  FINDING_TYPES,
  FINDING_TYPE_LABELS,
  PROFILE_ROLES,
} from '../../../shared/accreditation/vocabulary';
import { OUTCOME_LABELS } from '../../../shared/assessment/ratings';
import { type Command, required, str, stringOptions } from '../command';

export const accreditationCommands: Command[] = [
  {
    path: ['profile', 'set'],
    summary: 'Record who uses this installation: name, organisation and role',
    usage: `profile set --name NAME --organisation ORG --role ${PROFILE_ROLES.join('|')}`,
    options: stringOptions('name', 'organisation', 'role'),
    async run(ctx, args) {
      const profile = await ctx.call('profile.set', {
        name: required(args, 'name'),
        organisation: required(args, 'organisation'),
        role: required(args, 'role'),
      });
      ctx.print(
        profile,
        () => `profile: ${profile.name}, ${profile.organisation} (${profile.role})`,
      );
    },
  },
  {
    path: ['profile', 'show'],
    summary: 'Show the local profile',
    usage: 'profile show',
    async run(ctx) {
      const profile = await ctx.call('profile.get', {});
      ctx.print(profile, () =>
        profile ? `${profile.name}, ${profile.organisation} (${profile.role})` : 'no profile yet',
      );
    },
  },
  {
    path: ['finding', 'add'],
    summary: 'Record a finding on a criterion of an external assessment',
    usage: `finding add ASSESSMENT_ID --criterion CODE --type ${FINDING_TYPES.join('|')} --text TEXT [--action TEXT --owner NAME --due YYYY-MM-DD]`,
    options: stringOptions('criterion', 'type', 'text', 'action', 'owner', 'due'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const finding = await ctx.call('findings.save', {
        assessmentId: args.positionals[0],
        criterion: required(args, 'criterion'),
        type: required(args, 'type'),
        text: required(args, 'text'),
        action: str(args, 'action'),
        actionOwner: str(args, 'owner'),
        actionDue: str(args, 'due'),
      });
      ctx.print(
        finding,
        () => `${finding.id}: ${FINDING_TYPE_LABELS[finding.type]} on ${finding.criterion}`,
      );
    },
  },
  {
    path: ['assessment', 'submit'],
    summary: 'Submit an assessment: its ratings, findings and evidence hashes are sealed',
    usage: 'assessment submit ID',
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const result = await ctx.call('assessments.submit', { id: args.positionals[0] });
      ctx.print(
        result,
        () =>
          `submitted ${result.assessment.id}, revision ${result.revision.revision}, sealed as sha256 ${result.revision.sha256}`,
      );
    },
  },
  {
    path: ['assessment', 'revise'],
    summary: 'Open a new revision of a submitted assessment (the sealed one is kept unchanged)',
    usage: 'assessment revise ID --reason TEXT',
    options: stringOptions('reason'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const result = await ctx.call('assessments.revise', {
        id: args.positionals[0],
        reason: required(args, 'reason'),
      });
      ctx.print(
        result,
        () => `opened revision ${result.revision.revision} of ${result.assessment.id}`,
      );
    },
  },
  {
    path: ['decision', 'record'],
    summary:
      'Record the accreditation decision on a submitted external assessment (by someone who did not assess)',
    usage:
      'decision record ASSESSMENT_ID --outcome accredited|conditional|not-accredited --decided-by NAME [--conditions TEXT --due YYYY-MM-DD] [--reason TEXT]',
    options: stringOptions('outcome', 'decided-by', 'conditions', 'due', 'reason'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const decision = await ctx.call('decisions.record', {
        assessmentId: args.positionals[0],
        outcome: required(args, 'outcome'),
        decidedBy: required(args, 'decided-by'),
        conditions: str(args, 'conditions'),
        conditionsDue: str(args, 'due'),
        reasons: str(args, 'reason'),
      });
      ctx.print(
        decision,
        () =>
          `decided: ${OUTCOME_LABELS[decision.outcome]} (recommended: ${OUTCOME_LABELS[decision.recommendedOutcome]})`,
      );
    },
  },
];
