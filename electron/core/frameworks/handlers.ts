import type { frameworkMethods } from '../../../shared/contract/frameworks';
import { problemsFromZod } from '../../../shared/validation/issues';
import { frameworkSchema } from '../../../shared/framework/schema';
import { change, type HandlersFor } from '../context';
import { AppError } from '../errors';
import { parseJsonText } from '../json-text';
import { parseFrameworkText } from './parse';
import { getFramework, listFrameworks, storeFramework } from './store';

export const frameworkHandlers: HandlersFor<typeof frameworkMethods> = {
  'frameworks.list': (_input, ctx) => listFrameworks(ctx.db),
  'frameworks.get': (input, ctx) => getFramework(ctx.db, input.id, input.version),
  'frameworks.validate': (input) => {
    let json: unknown;
    try {
      json = parseJsonText(input.text, input.fileName);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return {
        valid: false,
        problems: [{ path: '', message: error.message }],
        id: null,
        version: null,
      };
    }
    const result = frameworkSchema.safeParse(json);
    if (result.success) {
      return { valid: true, problems: [], id: result.data.id, version: result.data.version };
    }
    return { valid: false, problems: problemsFromZod(result.error), id: null, version: null };
  },
  'frameworks.import': (input, ctx) => {
    const parsed = parseFrameworkText(input.text, input.fileName);
    return change(ctx, (now, audit) => {
      const { summary, created } = storeFramework(ctx.db, parsed, {
        source: `import:${input.fileName}`,
        now,
      });
      if (created) {
        audit({
          action: 'framework.imported',
          entityType: 'framework',
          entityId: `${summary.id}@${summary.version}`,
          detail: { sha256: summary.sha256, file: input.fileName },
        });
      }
      return summary;
    });
  },
};
