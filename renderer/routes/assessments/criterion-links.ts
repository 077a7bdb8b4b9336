/** A criterion's code as it goes into ids: "OL1.1" → "OL1-1". */
export const criterionKey = (code: string) => code.replace('.', '-');

/** The id of a criterion's card on the rating screen, which a link to it focuses. */
export const criterionCardId = (code: string) => `criterion-${criterionKey(code)}`;

/** Where a criterion is rated: its domain's page (codes begin with the domain's, RC2.3 in RC). */
export const criterionPath = ({ assessmentId, code }: { assessmentId: string; code: string }) =>
  `/assessments/${assessmentId}/domain/${code.replace(/\d.*$/, '')}`;
