#!/usr/bin/env node
// Makes sure the machine has what the browser and SIP suites run: Chromium, Kamailio with its WebSocket
// module, and SIPp. Missing Debian packages are installed when this process may do so (root, or sudo
// without a password); otherwise it stops at once with the exact command to run, rather than letting
// every browser and SIP suite fail one by one.
//   node scripts/preflight.mjs          check, install what is missing if allowed
//   node scripts/preflight.mjs --check  check only; exit 1 and print the command when something is missing
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SBIN = ['/usr/sbin', '/usr/local/sbin', '/sbin'];

/** What the suites need, each with the Debian package that provides it and how to tell it is there. */
export const REQUIREMENTS = [
  {
    pkg: 'chromium',
    what: 'Chromium (every browser test)',
    present: () => Boolean(process.env.CHROMIUM_PATH) || onPath('chromium')
  },
  { pkg: 'kamailio', what: 'Kamailio (the SIP suites)', present: () => onPath('kamailio') },
  {
    pkg: 'kamailio-websocket-modules',
    what: "Kamailio's WebSocket module",
    present: kamailioWebSocketModule
  },
  { pkg: 'sip-tester', what: 'SIPp (the SIP scenarios)', present: () => onPath('sipp') },
  // `ip` brings up loopback inside the CI's private network namespace.
  { pkg: 'iproute2', what: 'ip (loopback in the test namespace)', present: () => onPath('ip') },
  // The softphone ships no fonts (SLDS uses the system's); agents' systems have these scripts, a bare
  // Debian does not, and without them the i18n suites and screenshots show empty boxes for the text.
  {
    pkg: 'fonts-noto-cjk',
    what: 'Chinese, Japanese and Korean fonts (the i18n suites and screenshots)',
    present: () => hasFontFor('ja') && hasFontFor('ko') && hasFontFor('zh-cn')
  },
  {
    pkg: 'fonts-thai-tlwg',
    what: 'Thai fonts (the i18n suites and screenshots)',
    present: () => hasFontFor('th')
  }
];

/** Whether fontconfig has a font for a language (what Chromium on Linux asks it for). */
function hasFontFor(lang) {
  const r = spawnSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

function onPath(binary) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...SBIN].filter(Boolean);
  return dirs.some((dir) => {
    try {
      accessSync(join(dir, binary), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The module file the package installs; Kamailio looks for it under its multiarch library dir. */
function kamailioWebSocketModule() {
  let dirs = [];
  try {
    dirs = readdirSync('/usr/lib', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join('/usr/lib', d.name));
  } catch {
    return false;
  }
  return ['/usr/lib', ...dirs].some((dir) => existsSync(join(dir, 'kamailio/modules/websocket.so')));
}

export function missingPackages() {
  return REQUIREMENTS.filter((r) => !r.present());
}

/** How this process may run apt-get: directly (root), through passwordless sudo, or not at all. */
function privilege() {
  if (typeof process.getuid === 'function' && process.getuid() === 0) return [];
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  return sudo.status === 0 ? ['sudo', '-n'] : null;
}

function run(prefix, args) {
  const [cmd, ...rest] = [...prefix, ...args];
  const r = spawnSync(cmd, rest, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  });
  return r.status === 0;
}

/** Returns null when everything is present (installing first if allowed), else the reason to stop. */
export function preflight({ checkOnly = false } = {}) {
  const missing = missingPackages();
  if (missing.length === 0) return null;
  const pkgs = missing.map((m) => m.pkg);
  const command = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
  const prefix = checkOnly ? null : privilege();
  if (prefix === null) {
    return [
      `The browser and SIP suites need: ${missing.map((m) => m.what).join(', ')}.`,
      'Install them, then run the tests again:',
      `  ${command}`
    ].join('\n');
  }
  console.log(`Installing Debian packages: ${pkgs.join(' ')}`);
  const ok =
    run(prefix, ['apt-get', 'update', '-qq']) &&
    run(prefix, ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...pkgs]);
  const still = missingPackages();
  if (ok && still.length === 0) return null;
  return [
    `Installing ${pkgs.join(' ')} failed${still.length ? `; still missing: ${still.map((m) => m.pkg).join(' ')}` : ''}.`,
    'Run this yourself, then the tests again:',
    `  ${command}`
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problem = preflight({ checkOnly: process.argv.includes('--check') });
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  console.log(
    'preflight: Chromium, Kamailio (+ WebSocket module), SIPp, ip and the CJK and Thai fonts are installed'
  );
}
