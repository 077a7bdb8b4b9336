import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { failure, openTestCore, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';
import {
  nationalFrameworkJson,
  nationalFrameworkText,
  revisedFramework,
} from '../helpers/frameworks';
import { NATIONAL_ID, NATIONAL_VERSION } from '../helpers/national';

const auditCount = async (core: Core) =>
  unwrap(await core.invoke('audit.list', { limit: 1000 })).length;

describe('importing frameworks', () => {
  it('treats the same content again as a no-op, whatever its layout', async () => {
    const core = await openTestCore();
    const before = dumpDatabase(core.context.db);
    const [installed] = unwrap(await core.invoke('frameworks.list', {}));
    for (const text of [
      nationalFrameworkText(),
      JSON.stringify(nationalFrameworkJson()),
      JSON.stringify(nationalFrameworkJson(), null, 4),
    ]) {
      const summary = unwrap(
        await core.invoke('frameworks.import', { fileName: 'same.json', text }),
      );
      expect(summary).toEqual(installed);
    }
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('refuses different content under an id@version already held, changing nothing', async () => {
    const core = await openTestCore();
    const before = dumpDatabase(core.context.db);
    const error = failure(
      await core.invoke('frameworks.import', {
        fileName: 'edited.json',
        text: JSON.stringify(revisedFramework(NATIONAL_VERSION, ' (quietly edited)')),
      }),
      'conflict',
    );
    expect(error.message).toBe(
      `${NATIONAL_ID}@${NATIONAL_VERSION} is already imported with different content; ` +
        'an imported version never changes, so give the revised framework a new version',
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('imports a new version alongside the old, newest first, with an audit entry', async () => {
    const core = await openTestCore();
    const entries = await auditCount(core);
    const summary = unwrap(
      await core.invoke('frameworks.import', {
        fileName: 'v2.json',
        text: JSON.stringify(revisedFramework('2.0.0', ' (revised)')),
      }),
    );
    expect(summary).toMatchObject({
      id: NATIONAL_ID,
      version: '2.0.0',
      source: 'import:v2.json',
    });
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
    const list = unwrap(await core.invoke('frameworks.list', {}));
    expect(list.map((f) => f.version)).toEqual(['2.0.0', NATIONAL_VERSION]);
    expect(unwrap(await core.invoke('frameworks.get', { id: NATIONAL_ID })).summary.version).toBe(
      '2.0.0',
    );
    expect(
      unwrap(await core.invoke('frameworks.get', { id: NATIONAL_ID, version: NATIONAL_VERSION }))
        .summary.version,
    ).toBe(NATIONAL_VERSION);
    expect(await auditCount(core)).toBe(entries + 1);
    const [latest] = unwrap(await core.invoke('audit.list', { limit: 1 }));
    expect(latest).toMatchObject({
      action: 'framework.imported',
      entityId: `${NATIONAL_ID}@2.0.0`,
    });
  });

  it('refuses a file that is not JSON, naming its line and column, and changes nothing', async () => {
    const core = await openTestCore();
    const before = dumpDatabase(core.context.db);
    const text = '{\n  "id": "spqa-national",\n  "version": "1.0.0",\n  "title": \n}\n';
    const error = failure(
      await core.invoke('frameworks.import', { fileName: 'broken.json', text }),
      'invalid_input',
    );
    expect(error.message).toBe('broken.json: not valid JSON at line 5, column 1: unexpected "}"');
    expect(error.message).not.toContain('\n');
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('refuses a file that fails the schema, naming the path and the problem', async () => {
    const core = await openTestCore();
    const before = dumpDatabase(core.context.db);
    const framework = revisedFramework('3.0.0');
    const criterion = framework.domains[0]?.standards[0]?.criteria[0];
    if (!criterion) throw new Error('no criterion');
    criterion.level = 'optional' as never;
    const error = failure(
      await core.invoke('frameworks.import', {
        fileName: 'bad.json',
        text: JSON.stringify(framework),
      }),
      'invalid_input',
    );
    expect(error.message).toMatch(
      /^bad\.json: domains\[0\]\.standards\[0\]\.criteria\[0\]\.level: /,
    );
    expect(error.details).toMatchObject({
      problems: [{ path: 'domains[0].standards[0].criteria[0].level' }],
    });
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });
});

describe('validating a framework file', () => {
  it('reports a valid file with its id and version, and writes nothing', async () => {
    const core = await openTestCore();
    const before = dumpDatabase(core.context.db);
    expect(
      unwrap(
        await core.invoke('frameworks.validate', {
          fileName: 'v2.json',
          text: JSON.stringify(revisedFramework('2.0.0')),
        }),
      ),
    ).toEqual({ valid: true, problems: [], id: NATIONAL_ID, version: '2.0.0' });
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('lists every schema problem by path, and a JSON fault by line and column', async () => {
    const core = await openTestCore();
    const framework = nationalFrameworkJson();
    framework.version = 'one';
    const first = framework.domains[0]?.standards[0]?.criteria[0];
    if (!first) throw new Error('no criterion');
    first.code = 'XX1.1';
    const result = unwrap(
      await core.invoke('frameworks.validate', {
        fileName: 'bad.json',
        text: JSON.stringify(framework),
      }),
    );
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: 'version', message: 'a version is semantic, e.g. "1.2.0"' },
        {
          path: 'domains[0].standards[0].criteria[0].code',
          message: expect.stringContaining('must start with its standard code'),
        },
      ]),
    );
    const notJson = unwrap(
      await core.invoke('frameworks.validate', { fileName: 'x.json', text: '[1,\n2,,3]' }),
    );
    expect(notJson).toMatchObject({ valid: false, id: null, version: null });
    expect(notJson.problems[0]?.message).toBe(
      'x.json: not valid JSON at line 2, column 3: unexpected ","',
    );
  });
});
