// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type Facts, planBrowsers } from '../../../scripts/ensure-browsers.mjs';

const LOCK = ['-o', 'DPkg::Lock::Timeout=600'];

/** A Debian machine as root with both browsers, changed by `over`. */
function facts(over: Partial<Facts> & { executables?: string[] } = {}): Facts {
  const executables = new Set(over.executables ?? ['/usr/bin/chromium', '/usr/bin/firefox-esr']);
  return {
    env: {},
    isExecutable: (path) => executables.has(path),
    hasAptGet: true,
    isRoot: true,
    passwordlessSudo: false,
    ...over,
  };
}

describe('planBrowsers', () => {
  it('does nothing when both browsers are where the tests look', () => {
    expect(planBrowsers(facts())).toEqual({
      kind: 'ready',
      found: [
        { name: 'Chromium', path: '/usr/bin/chromium' },
        { name: 'Firefox', path: '/usr/bin/firefox-esr' },
      ],
    });
  });

  it.each([
    ['Firefox as /usr/bin/firefox', { executables: ['/usr/bin/chromium', '/usr/bin/firefox'] }],
    [
      'browsers named by CHROMIUM and FIREFOX',
      { executables: ['/opt/c', '/opt/f'], env: { CHROMIUM: '/opt/c', FIREFOX: '/opt/f' }, hasAptGet: false },
    ],
  ])('accepts %s', (_, over) => {
    expect(planBrowsers(facts(over)).kind).toBe('ready');
  });

  it.each([
    ['both missing', [], ['chromium', 'firefox-esr']],
    ['Chromium missing', ['/usr/bin/firefox-esr'], ['chromium']],
    ['Firefox missing', ['/usr/bin/chromium'], ['firefox-esr']],
  ])('installs what is missing as root with apt-get (%s)', (_, executables, packages) => {
    const apt = ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...LOCK];
    expect(planBrowsers(facts({ executables }))).toEqual({
      kind: 'install',
      packages,
      commands: [
        [...apt, 'update', '-q'],
        [...apt, 'install', '-y', '-q', ...packages],
      ],
    });
  });

  it('installs through sudo -n when the user may use sudo without a password', () => {
    const plan = planBrowsers(facts({ executables: [], isRoot: false, passwordlessSudo: true }));
    expect(plan.kind === 'install' && plan.commands.map((c) => c.slice(0, 4))).toEqual([
      ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'],
      ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'],
    ]);
  });

  it('stops with the apt-get command when it may not install (no root, sudo asks a password)', () => {
    expect(planBrowsers(facts({ executables: ['/usr/bin/chromium'], isRoot: false }))).toEqual({
      kind: 'stop',
      problems: [
        'Firefox is missing: not at /usr/bin/firefox-esr or /usr/bin/firefox, and FIREFOX is not set.',
      ],
      command: 'sudo apt-get update && sudo apt-get install -y firefox-esr',
    });
  });

  it('stops with the variables to set where there is no apt-get, even as root', () => {
    const plan = planBrowsers(facts({ executables: [], hasAptGet: false }));
    expect(plan).toMatchObject({
      kind: 'stop',
      command: 'export CHROMIUM=/path/to/chromium FIREFOX=/path/to/firefox',
    });
  });

  it('never installs in place of a browser named by a variable that points nowhere', () => {
    expect(planBrowsers(facts({ env: { CHROMIUM: '/opt/chrome' } }))).toEqual({
      kind: 'stop',
      problems: ['CHROMIUM=/opt/chrome is not an executable file.'],
      command: 'unset CHROMIUM',
    });
    // Unset, the default path would be empty too: the command installs it as well.
    expect(
      planBrowsers(facts({ env: { CHROMIUM: '/opt/chrome' }, executables: ['/usr/bin/firefox-esr'] })),
    ).toMatchObject({
      kind: 'stop',
      command: 'unset CHROMIUM && sudo apt-get update && sudo apt-get install -y chromium',
    });
  });

  it('names every fix in one command when there is more than one problem', () => {
    const plan = planBrowsers(facts({ executables: [], env: { FIREFOX: '/nope' }, isRoot: false }));
    expect(plan).toMatchObject({
      kind: 'stop',
      command: 'unset FIREFOX && sudo apt-get update && sudo apt-get install -y firefox-esr chromium',
    });
  });
});
