import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { defaultDataDir } from './core/data-dir';
import { startCoreWorker, type CoreClient } from './core/host/worker-client';
import { registerIpc } from './ipc';

/**
 * The Electron shell: one window, the core in a worker thread, and nothing else. Everything the
 * app does lives in the core and the renderer; this file only wires them together safely.
 */
app.setName('SPQA');
// The CLI and browser mode default to this same folder, so all three see the same records.
app.setPath('userData', defaultDataDir());

const appRoot = app.getAppPath();
// Packaged, the worker and native module sit outside the asar archive so Node can load them.
const unpackedRoot = app.isPackaged ? appRoot.replace(/app\.asar$/, 'app.asar.unpacked') : appRoot;
const rendererIndex = join(appRoot, 'dist', 'renderer', 'index.html');
const resourcesDir = app.isPackaged
  ? join(process.resourcesPath, 'resources')
  : join(appRoot, 'resources');
const nativeBinding = join(unpackedRoot, '.native', 'electron', 'better_sqlite3.node');

let core: CoreClient | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    title: 'SPQA',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // The window only ever shows our own pages; links that leave it open in the browser, https only.
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadFile(rendererIndex);
  return win;
}

const gotLock = app.requestSingleInstanceLock();
if (!gotLock) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
      callback(false),
    );
    session.defaultSession.setPermissionCheckHandler(() => false);
    try {
      core = await startCoreWorker(join(unpackedRoot, 'dist', 'electron', 'core-worker.cjs'), {
        dataDir: app.getPath('userData'),
        resourcesDir,
        nativeBinding: existsSync(nativeBinding) ? nativeBinding : undefined,
      });
    } catch (error) {
      dialog.showErrorBox(
        'SPQA cannot open its records',
        `${(error as Error).message}\n\nIf this is a development checkout, run "npm start" (which builds the database driver for Electron).`,
      );
      app.exit(1);
      return;
    }
    registerIpc(core, rendererIndex);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void core?.close();
  });
}
