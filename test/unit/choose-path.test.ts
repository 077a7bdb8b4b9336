import { describe, expect, it } from 'vitest';
import {
  answerChoosePath,
  chosenPath,
  nativeDialogFor,
  type NativeDialog,
} from '../../electron/shell/choose-path';
import { choosePathRequestSchema } from '../../shared/contract/choose-path';

const ZIP = [{ name: 'SPQA backups', extensions: ['zip'] }];

describe('the desktop file dialog', () => {
  it('opens a folder picker that can make folders, for a folder', () => {
    expect(nativeDialogFor({ kind: 'folder', title: 'Folder to publish into' })).toEqual({
      type: 'open',
      options: {
        title: 'Folder to publish into',
        properties: ['openDirectory', 'createDirectory', 'promptToCreate', 'dontAddToRecent'],
      },
    });
  });

  it('opens a save dialog with its filters for a new file, and a file picker for an existing one', () => {
    expect(
      nativeDialogFor({
        kind: 'new-file',
        title: 'Save the backup as',
        defaultPath: '/home/sam/b.zip',
        filters: ZIP,
      }),
    ).toEqual({
      type: 'save',
      options: {
        title: 'Save the backup as',
        defaultPath: '/home/sam/b.zip',
        filters: ZIP,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    });
    expect(nativeDialogFor({ kind: 'existing-file', title: 'Backup file', filters: ZIP })).toEqual({
      type: 'open',
      options: { title: 'Backup file', filters: ZIP, properties: ['openFile', 'dontAddToRecent'] },
    });
  });

  it('gives the path chosen, or null when cancelled', () => {
    expect(chosenPath({ canceled: false, filePaths: ['/srv/register'] })).toBe('/srv/register');
    expect(chosenPath({ canceled: false, filePath: '/home/sam/b.zip' })).toBe('/home/sam/b.zip');
    expect(chosenPath({ canceled: true, filePaths: ['/srv/register'] })).toBeNull();
    expect(chosenPath({ canceled: false, filePaths: [] })).toBeNull();
    expect(chosenPath({ canceled: false, filePath: '' })).toBeNull();
  });

  it('takes only a well-formed request from the page', () => {
    const refused = [
      { kind: 'anything', title: 'x' },
      { kind: 'folder', title: '' },
      { kind: 'folder', title: 'x'.repeat(201) },
      { kind: 'folder', title: 'x', properties: ['openFile', 'multiSelections'] },
      { kind: 'new-file', title: 'x', filters: [{ name: 'Zip', extensions: ['.zip'] }] },
      { kind: 'new-file', title: 'x', filters: [{ name: 'Zip', extensions: [] }] },
      { kind: 'folder', title: 'x', defaultPath: 'p'.repeat(4097) },
      { kind: 'folder', title: 'x', defaultPath: '/home/sam\n/etc' },
      null,
      'folder',
    ];
    for (const request of refused)
      expect(choosePathRequestSchema.safeParse(request).success, JSON.stringify(request)).toBe(
        false,
      );
    expect(
      choosePathRequestSchema.safeParse({ kind: 'new-file', title: 'Save as', filters: ZIP })
        .success,
    ).toBe(true);
  });

  it('answers the page with the path, null for Cancel, or why it could not', async () => {
    const shown: NativeDialog[] = [];
    const reply = await answerChoosePath({ kind: 'folder', title: 'Folder' }, (dialog) => {
      shown.push(dialog);
      return Promise.resolve({ canceled: false, filePaths: ['/srv/register'] });
    });
    expect(reply).toEqual({ ok: true, value: { path: '/srv/register' } });
    expect(shown.map((d) => d.type)).toEqual(['open']);

    expect(
      await answerChoosePath({ kind: 'new-file', title: 'Save as' }, () =>
        Promise.resolve({ canceled: true, filePath: '' }),
      ),
    ).toEqual({ ok: true, value: { path: null } });

    // A dialog that throws is a reply the page can show, not an error from the IPC layer.
    expect(
      await answerChoosePath({ kind: 'folder', title: 'Folder' }, () =>
        Promise.reject(new Error('no display')),
      ),
    ).toEqual({ ok: false, error: { code: 'internal', message: 'no display' } });

    // A malformed request never reaches a dialog.
    const refused = await answerChoosePath({ kind: 'folder', title: 'x', extra: true }, () => {
      throw new Error('shown');
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
