/**
 * The local Lightning host emulator: one HTTP server on 127.0.0.1 that answers as two origins,
 * dispatched by the Host header, because the real adapter (Visualforce domain) and Lightning
 * live on different origins and the Open CTI protocol depends on that:
 *   http://localhost:PORT  — the host page (Lightning stand-in)
 *   http://127.0.0.1:PORT  — the adapter frame (Visualforce stand-in)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { buildBundles } from './bundle';
import { languageFromQuery, PageRenderError, renderAdapterPage, userIdFromQuery } from './adapter-page';
import { bcp47, cardLabels, emulatorLabels } from './emulator-labels';
import { CALL_CENTER_SOURCE, readCallCenterSettings, type CallCenterSettings } from './callcenter-settings';
import { renderHostPage, type HostConfig } from './host-page';
import { Org } from './org';
import { OrgRoutes } from './org-routes';
import { contentTypeOf, resolveSafeFile } from './static-files';
import { renderCustomerPage } from '../customer/page';
import { MINIMAL_ADAPTER_PATH, renderMinimalAdapterPage } from './minimal-adapter-page';

export interface EmulatorOptions {
  /** 0 picks a free port (tests). Default 8640. */
  port?: number;
  quiet?: boolean;
  /** Project root; the defaults below are under its force-app/main/default. */
  projectRoot?: string;
  pagePath?: string;
  staticResourceDir?: string;
  callCenterPath?: string;
}

export interface RunningEmulator {
  hostUrl: string;
  adapterOrigin: string;
  port: number;
  /** The run's one org (records, Tasks, saveLog faults), shared by every host page; tests read it directly. */
  org: Org;
  close(): Promise<void>;
}

const RESOURCE_NAME = 'Softphone_Adapter';
const OPENCTI_PATH = '/support/api/66.0/lightning/opencti_min.js';
const defaultRoot = fileURLToPath(new URL('../..', import.meta.url));

interface Paths {
  pagePath: string;
  staticResourceDir: string;
  callCenterPath: string;
  sldsDir: string;
  hostCss: string;
}

function resolvePaths(opts: EmulatorOptions): Paths {
  const root = opts.projectRoot ?? defaultRoot;
  const meta = join(root, 'force-app/main/default');
  return {
    pagePath: opts.pagePath ?? join(meta, 'pages/Softphone_Adapter.page'),
    staticResourceDir: opts.staticResourceDir ?? join(meta, 'staticresources', RESOURCE_NAME),
    callCenterPath: opts.callCenterPath ?? join(root, CALL_CENTER_SOURCE),
    sldsDir: join(defaultRoot, 'node_modules/@salesforce-ux/design-system/assets'),
    hostCss: join(defaultRoot, 'emulator/host/host.css')
  };
}

type CacheMode = 'public' | 'private' | false;

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  cache: CacheMode = false
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': cache ? `${cache}, max-age=3600` : 'no-cache',
    'X-Content-Type-Options': 'nosniff'
  });
  res.end(body);
}

function notFound(res: ServerResponse): void {
  send(res, 404, 'text/plain; charset=utf-8', 'Not found');
}

function sendFile(res: ServerResponse, baseDir: string, relative: string, cache: CacheMode): void {
  const file = resolveSafeFile(baseDir, relative);
  if (!file) return notFound(res);
  send(res, 200, contentTypeOf(file), readFileSync(file), cache);
}

function loadSettings(path: string): { settings: CallCenterSettings; error: string | null } {
  try {
    return { settings: readCallCenterSettings(path), error: null };
  } catch (err) {
    return {
      settings: {},
      error: `Could not read ${path}: ${err instanceof Error ? err.message : String(err)}`
    };
  }
}

/** A relative reqAdapterUrl (`/apex/Page`) is what a VF adapter uses; anything else falls back to the page name. */
function adapterPathFrom(settings: CallCenterSettings, pageName: string): string {
  const url = settings['/reqGeneralInfo/reqAdapterUrl'];
  if (url?.startsWith('/apex/')) return url.split('?')[0] ?? url;
  return `/apex/${pageName}`;
}

/**
 * `?cspConnectSrc=<sources>` on the adapter page: the Content-Security-Policy a Visualforce page with
 * cspHeader="true" gets, reduced to what the emulator needs to show: connect-src is the page's own
 * origin plus the org's CSP trusted sites (given here, space-separated). Without the parameter, no CSP.
 */
export function contentSecurityPolicy(query: string): string | null {
  const sources = new URLSearchParams(query).get('cspConnectSrc');
  if (sources === null) return null;
  if (!/^[\w\s:/.*'-]*$/.test(sources))
    throw new PageRenderError(
      `?cspConnectSrc= takes CSP sources only: ${JSON.stringify(sources.slice(0, 80))}`
    );
  return `connect-src 'self' ${sources.trim()}`.trim();
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const paths = resolvePaths(opts);
  const bundles = await buildBundles();
  const pageName = basename(paths.pagePath).replace(/\.page$/, '');
  let port = 0;
  const hostOrigin = (): string => `http://localhost:${port}`;
  const adapterOrigin = (): string => `http://127.0.0.1:${port}`;
  const org = new Org();
  const orgRoutes = new OrgRoutes(org);

  function hostConfig(query = ''): HostConfig {
    const { settings, error } = loadSettings(paths.callCenterPath);
    // ?adapter=minimal frames the bench's baseline adapter instead of the real page (bench/measure/page-load.ts).
    const minimal = new URLSearchParams(query).get('adapter') === 'minimal';
    // ?lang= / ?locale= on the host page: the record-page component's labels and locale for that user (the
    // host passes both on to the adapter page too). A bad value throws PageRenderError, answered 400.
    const { language, locale } = languageFromQuery(query);
    return {
      hostOrigin: hostOrigin(),
      adapterOrigin: adapterOrigin(),
      adapterPath: minimal ? MINIMAL_ADAPTER_PATH : adapterPathFrom(settings, pageName),
      settings,
      settingsError: error,
      org: org.snapshot(),
      i18n: { language, locale, localeTag: bcp47(locale), labels: cardLabels(language) }
    };
  }

  function serveHost(path: string, res: ServerResponse, query = ''): void {
    if (path === '/') {
      try {
        return send(res, 200, 'text/html; charset=utf-8', renderHostPage(hostConfig(query)));
      } catch (err) {
        if (!(err instanceof PageRenderError)) throw err;
        return send(res, 400, 'text/plain; charset=utf-8', `Switchboard emulator: ${err.message}\n`);
      }
    }
    if (path === '/emulator/host.js') return send(res, 200, contentTypeOf('x.js'), bundles.host);
    if (path === '/emulator/host.css')
      return send(res, 200, contentTypeOf('x.css'), readFileSync(paths.hostCss));
    if (path === '/customer') return send(res, 200, 'text/html; charset=utf-8', renderCustomerPage());
    if (path === '/emulator/customer.js') return send(res, 200, contentTypeOf('x.js'), bundles.customer);
    if (path === '/emulator/callcenter-settings.json') {
      return send(res, 200, contentTypeOf('x.json'), JSON.stringify(hostConfig().settings, null, 2));
    }
    if (path.startsWith('/slds/')) return sendFile(res, paths.sldsDir, path.slice('/slds/'.length), 'public');
    notFound(res);
  }

  function serveAdapter(path: string, res: ServerResponse, query = ''): void {
    if (path === `/apex/${pageName}`) {
      try {
        // The emulator's stand-in for the Salesforce session: which user the page is rendered for (?user=005…).
        // and in which language (?lang=de, ?locale=de_CH): labels are read on every request, like the page.
        const { language, locale } = languageFromQuery(query);
        const html = renderAdapterPage({
          pagePath: paths.pagePath,
          staticResourceDir: paths.staticResourceDir,
          userId: userIdFromQuery(query),
          language,
          locale,
          labels: emulatorLabels(language)
        });
        const csp = contentSecurityPolicy(query);
        if (csp) res.setHeader('Content-Security-Policy', csp);
        return send(res, 200, 'text/html; charset=utf-8', html);
      } catch (err) {
        if (!(err instanceof PageRenderError)) throw err;
        return send(res, 500, 'text/plain; charset=utf-8', `Switchboard emulator: ${err.message}\n`);
      }
    }
    if (path === OPENCTI_PATH) return send(res, 200, contentTypeOf('x.js'), bundles.client);
    if (path === MINIMAL_ADAPTER_PATH)
      return send(res, 200, 'text/html; charset=utf-8', renderMinimalAdapterPage(OPENCTI_PATH));
    const resource = /^\/resource\/\d+\/([^/]+)\/(.+)$/.exec(path);
    if (resource) {
      if (resource[1] !== RESOURCE_NAME || resource[2] === undefined) return notFound(res);
      // Versioned URLs (see adapter-page.ts), cached like an org's static resource (cacheControl Private).
      return sendFile(res, paths.staticResourceDir, resource[2], 'private');
    }
    if (path.startsWith('/slds/')) return sendFile(res, paths.sldsDir, path.slice('/slds/'.length), 'public');
    notFound(res);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const rawUrl = req.url ?? '/';
    // Keep the path percent-encoded: the file resolver decodes once and checks what it got.
    const path = rawUrl.split('?')[0] ?? '/';
    const hostname = (req.headers.host ?? '').replace(/:\d+$/, '');
    // The org is Lightning's: only the host origin reaches it (see org-routes.ts).
    if (hostname === 'localhost' && orgRoutes.handles(path)) {
      void orgRoutes.handle(req, res, path);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return notFound(res);
    // Browsers ask for it on both origins; answering 204 keeps the console free of noise.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (hostname === 'localhost') return serveHost(path, res, rawUrl.slice(path.length + 1));
    if (hostname === '127.0.0.1') return serveAdapter(path, res, rawUrl.slice(path.length + 1));
    notFound(res);
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      if (!opts.quiet) console.error(err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal emulator error');
      else res.end();
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8640, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  if (!opts.quiet)
    console.log(`Switchboard emulator listening on ${hostOrigin()}/ (adapter origin ${adapterOrigin()})`);

  return {
    hostUrl: `${hostOrigin()}/`,
    adapterOrigin: adapterOrigin(),
    port,
    org,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        orgRoutes.close();
        org.close();
        server.close((err) => (err ? reject(err) : resolveClose()));
        server.closeAllConnections();
      })
  };
}
