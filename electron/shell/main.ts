import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { defaultDataDir } from '../core/data-dir';
import { openWorkerCore, type CoreClient } from '../core/host/worker-client';
import { externalLinkToOpen, isUserActivation } from './external-links';
import { registerIpc } from './ipc';
import { CONTENT_SECURITY_POLICY } from '../web/security';
import { messageOf } from '../../shared/error-message';

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
      // The preload exposes one frozen object through contextBridge (no ipcRenderer, no Node):
      // reviewed for Electronegativity's PRELOAD_JS_CHECK, which asks for exactly that review.
      preload: join(__dirname, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // A middle click would otherwise ask for a new window by a path some versions did not route
      // through the window-open handler below.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // The window only ever shows our own pages. A link that leaves them opens in the browser, and
  // only an https link the person just clicked (see external-links.ts); anything else opens nothing.
  let lastUserInputAt: number | null = null;
  win.webContents.on('input-event', (_event, input) => {
    if (isUserActivation(input.type)) lastUserInputAt = Date.now();
  });
  const openOutside = (url: string) => {
    const link = externalLinkToOpen(url, lastUserInputAt, Date.now());
    if (!link) return;
    // One click opens at most one link.
    lastUserInputAt = null;
    // Checked just above: https, no credentials, right after the person's own click or key press.
    void shell.openExternal(link); // eng-disable OPEN_EXTERNAL_JS_CHECK
  };
  win.webContents.on('will-navigate', (event, url) => {
    if (url === win.webContents.getURL()) return;
    event.preventDefault();
    openOutside(url);
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
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
    // The app has no frames of its own: one may show a blob: or about: page, never navigate
    // elsewhere; and nothing follows a redirect (our pages are files, which never redirect).
    contents.on('will-frame-navigate', (details) => {
      if (!details.isMainFrame && !/^(blob|about):/.test(details.url)) details.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
      callback(false),
    );
    session.defaultSession.setPermissionCheckHandler(() => false);
    // The page's own <meta> policy covers file://; this header covers any response served over
    // a protocol that has headers, so no content ever loads without the same strict policy.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      const responseHeaders = {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      };
      callback({ responseHeaders });
    });
    try {
      // Restorable: a restore from the Backup screen closes the core, swaps the data and reopens it.
      core = await openWorkerCore(join(unpackedRoot, 'dist', 'electron', 'core-worker.cjs'), {
        dataDir: app.getPath('userData'),
        resourcesDir,
        nativeBinding: existsSync(nativeBinding) ? nativeBinding : undefined,
      });
    } catch (error) {
      dialog.showErrorBox(
        'SPQA cannot open its records',
        `${messageOf(error)}\n\nIf this is a development checkout, run "npm start" (which builds the database driver for Electron).`,
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
  // Quitting waits for the core to close its database (a restore or calls in flight finish
  // first; the worker is stopped after 10 s regardless), so the next start knows it ended cleanly
  // and need not check every page of a large database.
  app.on('will-quit', (event) => {
    const closing = core;
    if (!closing) return;
    core = null;
    event.preventDefault();
    void closing.close().finally(() => app.exit(0));
  });
}
