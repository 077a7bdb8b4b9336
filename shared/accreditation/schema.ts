import { z } from 'zod';
import { OUTCOMES } from '../assessment/ratings';
import { isoDateSchema } from '../validation/uk';
import { certificateNumberSchema } from './certificate-number';
import { CERTIFICATE_STATUSES, FINDING_TYPES, PROFILE_ROLES, isNonconformity } from './vocabulary';

const text = (max: number, what: string) =>
  z.string().trim().min(1, `${what} is required`).max(max, `${what} is at most ${max} characters`);

export const profileSchema = z.object({
  name: text(120, 'a name'),
  organisation: text(200, 'an organisation'),
  role: z.enum(PROFILE_ROLES),
});
export type Profile = z.infer<typeof profileSchema>;

export const findingInputSchema = z
  .object({
    id: z.string().optional(),
    assessmentId: z.string().min(1),
    criterion: z.string().trim().min(1),
    type: z.enum(FINDING_TYPES, { message: `a finding is one of ${FINDING_TYPES.join(', ')}` }),
    text: text(4000, 'the finding'),
    action: z.string().trim().max(2000).nullable().optional(),
    actionOwner: z.string().trim().max(120).nullable().optional(),
    actionDue: isoDateSchema.nullable().optional(),
  })
  .superRefine((f, ctx) => {
    if (!isNonconformity(f.type)) return;
    if (!f.action)
      ctx.addIssue({
        code: 'custom',
        path: ['action'],
        message: 'a nonconformity needs the action required',
      });
    if (!f.actionOwner)
      ctx.addIssue({
        code: 'custom',
        path: ['actionOwner'],
        message: 'a nonconformity needs an action owner',
      });
    if (!f.actionDue)
      ctx.addIssue({
        code: 'custom',
        path: ['actionDue'],
        message: 'a nonconformity needs an action due date',
      });
  });

export const findingSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  criterion: z.string(),
  type: z.enum(FINDING_TYPES),
  text: z.string(),
  action: z.string().nullable(),
  actionOwner: z.string().nullable(),
  actionDue: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

export const revisionSchema = z.object({
  revision: z.number(),
  openedAt: z.string(),
  openedBy: z.string(),
  reason: z.string(),
  sealedAt: z.string().nullable(),
  sealedBy: z.string().nullable(),
  sha256: z.string().nullable(),
});
export type Revision = z.infer<typeof revisionSchema>;

export const decisionSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  revision: z.number(),
  outcome: z.enum(OUTCOMES),
  recommendedOutcome: z.enum(OUTCOMES),
  conditions: z.string().nullable(),
  conditionsDue: z.string().nullable(),
  reasons: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const decisionInputSchema = z
  .object({
    assessmentId: z.string().min(1),
    outcome: z.enum(OUTCOMES, {
      message: 'the outcome is accredited, conditional or not-accredited',
    }),
    decidedBy: text(120, 'the decision-maker’s name'),
    conditions: z.string().trim().max(4000).nullable().optional(),
    conditionsDue: isoDateSchema.nullable().optional(),
    reasons: z.string().trim().max(4000).nullable().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.outcome === 'conditional') {
      if (!d.conditions)
        ctx.addIssue({
          code: 'custom',
          path: ['conditions'],
          message: 'accreditation with conditions needs the conditions',
        });
      if (!d.conditionsDue)
        ctx.addIssue({
          code: 'custom',
          path: ['conditionsDue'],
          message: 'accreditation with conditions needs a due date',
        });
    } else if (d.conditions || d.conditionsDue) {
      ctx.addIssue({
        code: 'custom',
        path: ['conditions'],
        message: 'only accreditation with conditions has conditions',
      });
    }
  });

/** What a certificate says; the payload of its signed document. */
export const certificatePayloadSchema = z.object({
  type: z.literal('SPQACertificate'),
  formatVersion: z.literal(1),
  number: certificateNumberSchema,
  holder: z.object({
    providerId: z.string(),
    name: z.string(),
    address: z.string(),
    postcode: z.string().nullable(),
    region: z.string().nullable(),
    charityNumber: z.string().nullable(),
    companyNumber: z.string().nullable(),
  }),
  scope: z.object({
    services: z.array(z.object({ id: z.string(), name: z.string(), category: z.string() })),
    domains: z.array(z.object({ code: z.string(), title: z.string() })),
  }),
  framework: z.object({
    id: z.string(),
    version: z.string(),
    title: z.string(),
    sha256: z.string(),
  }),
  decision: z.object({
    outcome: z.enum(['accredited', 'conditional']),
    decidedOn: z.string(),
    conditions: z.string().nullable(),
    conditionsDue: z.string().nullable(),
  }),
  assessment: z.object({ id: z.string(), revision: z.number(), sealSha256: z.string() }),
  issuedOn: isoDateSchema,
  expiresOn: isoDateSchema,
  issuer: z.object({ name: z.string(), keyId: z.string() }),
  supersedes: z.string().nullable(),
});
export type CertificatePayload = z.infer<typeof certificatePayloadSchema>;

export const certificateEventSchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  reason: z.string().nullable(),
});

export const certificateSchema = z.object({
  number: z.string(),
  providerId: z.string(),
  holderName: z.string(),
  assessmentId: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  issuedOn: z.string(),
  expiresOn: z.string(),
  suspendedOn: z.string().nullable(),
  supersededBy: z.string().nullable(),
  keyId: z.string(),
  payload: certificatePayloadSchema,
  events: z.array(certificateEventSchema),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const verifyCheckSchema = z.object({
  check: z.enum(['format', 'issuer', 'signature', 'proof', 'dates', 'status']),
  ok: z.boolean(),
  detail: z.string(),
});
export const verificationSchema = z.object({
  valid: z.boolean(),
  number: z.string().nullable(),
  holder: z.string().nullable(),
  checks: z.array(verifyCheckSchema),
});
export type Verification = z.infer<typeof verificationSchema>;
