#!/usr/bin/env node
// @ts-check
/**
 * Run first by `npm test`: checks for the browsers the end-to-end tests drive (Chromium, and Firefox
 * for the smoke test). Where one is missing and this machine can install it (apt-get, as root or with
 * passwordless sudo), it installs it, saying so; where it cannot, it stops at once with the command
 * to run. Node built-ins only: it runs before anything else, even before `npm ci` has finished right.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {object} Browser
 * @property {string} name
 * @property {string} envVar Overrides the default paths when set.
 * @property {string[]} paths Where the tests look, in order (tests/e2e/harness.ts, tests/e2e-firefox/harness.ts).
 * @property {string} aptPackage Debian's package, which installs the first path.
 */

/** @type {Browser[]} */
export const BROWSERS = [
  { name: 'Chromium', envVar: 'CHROMIUM', paths: ['/usr/bin/chromium'], aptPackage: 'chromium' },
  {
    name: 'Firefox',
    envVar: 'FIREFOX',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    aptPackage: 'firefox-esr',
  },
];

/**
 * @typedef {object} Facts What the machine is like; gathered by `gatherFacts`, given by hand in tests.
 * @property {Record<string, string | undefined>} env
 * @property {(path: string) => boolean} isExecutable
 * @property {boolean} hasAptGet
 * @property {boolean} isRoot
 * @property {boolean} passwordlessSudo `sudo -n true` succeeds.
 */

/**
 * @typedef {{ kind: 'ready', found: { name: string, path: string }[] }
 *   | { kind: 'install', packages: string[], commands: string[][] }
 *   | { kind: 'stop', problems: string[], command: string }} Plan
 */

/** apt-get waits this long for another apt or dpkg to let go of its lock instead of failing. */
const APT_LOCK = ['-o', 'DPkg::Lock::Timeout=600'];

/**
 * What to do about the browsers, from the facts alone: nothing (all found), install the missing
 * ones with apt-get, or stop with the command a person has to run.
 * @param {Facts} facts
 * @param {Browser[]} [browsers]
 * @returns {Plan}
 */
export function planBrowsers(facts, browsers = BROWSERS) {
  /** @type {{ name: string, path: string }[]} */
  const found = [];
  /** @type {Browser[]} */
  const missing = [];
  /** @type {string[]} */
  const problems = [];
  /** @type {string[]} */
  const fixes = [];
  /** @type {Browser[]} */
  const packagesAfterUnset = [];
  for (const browser of browsers) {
    const chosen = facts.env[browser.envVar];
    if (chosen) {
      // Asked for one binary: never install another in its place.
      if (facts.isExecutable(chosen)) found.push({ name: browser.name, path: chosen });
      else {
        problems.push(`${browser.envVar}=${chosen} is not an executable file.`);
        fixes.push(`unset ${browser.envVar}`);
        // Unset, the default paths apply: the package is needed too where they are empty.
        if (!browser.paths.some((p) => facts.isExecutable(p))) packagesAfterUnset.push(browser);
      }
      continue;
    }
    const path = browser.paths.find((p) => facts.isExecutable(p));
    if (path) found.push({ name: browser.name, path });
    else missing.push(browser);
  }
  const packages = missing.map((b) => b.aptPackage);
  const missingProblems = missing.map(
    (b) => `${b.name} is missing: not at ${b.paths.join(' or ')}, and ${b.envVar} is not set.`,
  );
  const toInstall = [...packagesAfterUnset, ...missing];

  if (!problems.length && !missing.length) return { kind: 'ready', found };
  if (!problems.length && facts.hasAptGet && (facts.isRoot || facts.passwordlessSudo)) {
    const sudo = facts.isRoot ? [] : ['sudo', '-n'];
    const apt = [...sudo, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...APT_LOCK];
    return {
      kind: 'install',
      packages,
      commands: [
        [...apt, 'update', '-q'],
        [...apt, 'install', '-y', '-q', ...packages],
      ],
    };
  }
  if (toInstall.length) {
    if (facts.hasAptGet) {
      const names = toInstall.map((b) => b.aptPackage).join(' ');
      fixes.push(`sudo apt-get update && sudo apt-get install -y ${names}`);
    } else if (missing.length) {
      const vars = missing.map((b) => `${b.envVar}=/path/to/${b.name.toLowerCase()}`).join(' ');
      fixes.push(`export ${vars}`);
    }
  }
  return { kind: 'stop', problems: [...problems, ...missingProblems], command: fixes.join(' && ') };
}

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} command @param {string[]} args */
function succeeds(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 5_000 });
  return result.status === 0;
}

/**
 * The facts about this machine. `sudo -n true` is asked only when a browser is missing and
 * apt-get could install it (it never prompts: -n fails instead of asking for a password).
 * @param {Browser[]} [browsers]
 * @returns {Facts}
 */
export function gatherFacts(browsers = BROWSERS) {
  const env = process.env;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasAptGet = process.platform === 'linux' && isExecutable('/usr/bin/apt-get') && isDebianLike();
  const anyMissing = browsers.some((b) => !env[b.envVar] && !b.paths.some((p) => isExecutable(p)));
  const passwordlessSudo = !isRoot && hasAptGet && anyMissing && succeeds('sudo', ['-n', 'true']);
  return { env, isExecutable, hasAptGet, isRoot, passwordlessSudo };
}

/** Debian, Ubuntu and their derivatives (/etc/os-release ID or ID_LIKE). */
function isDebianLike() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
  } catch {
    return false;
  }
}

/** Runs the plan; returns the process exit code. */
function main() {
  const plan = planBrowsers(gatherFacts());
  if (plan.kind === 'ready') return 0;
  if (plan.kind === 'stop') {
    console.error(
      [
        'The browser tests cannot run on this machine yet:',
        ...plan.problems.map((p) => `  ${p}`),
        'Run this, then `npm test` again:',
        `  ${plan.command}`,
        'CHROMIUM and FIREFOX, when set, name the browsers to use instead: CHROMIUM=/path/to/chromium FIREFOX=/path/to/firefox npm test',
      ].join('\n'),
    );
    return 1;
  }
  console.log(
    `Installing ${plan.packages.join(' and ')} for the browser tests (Debian packages, apt-get; a minute or two):`,
  );
  for (const command of plan.commands) {
    console.log(`$ ${command.join(' ')}`);
    const [program, ...args] = /** @type {[string, ...string[]]} */ (command);
    const result = spawnSync(program, args, { stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(
        `That failed (${result.error?.message ?? `exit code ${result.status}`}); install by hand:`,
      );
      console.error(`  sudo apt-get update && sudo apt-get install -y ${plan.packages.join(' ')}`);
      return 1;
    }
  }
  const after = planBrowsers(gatherFacts());
  if (after.kind !== 'ready') {
    console.error(`apt-get finished, but the browsers are still not where the tests look:`);
    for (const problem of after.kind === 'stop' ? after.problems : []) console.error(`  ${problem}`);
    return 1;
  }
  for (const { name, path } of after.found) console.log(`${name}: ${path}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
