// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { originPattern } from '@/messaging/host-access';

describe('originPattern: the one origin a schedule URL needs', () => {
  it.each([
    ['https://pretalx.example/conf/schedule/export/schedule.json', 'https://pretalx.example/*'],
    ['http://127.0.0.1:8080/schedule.xml', 'http://127.0.0.1/*'], // match patterns have no port
    ['https://user:pw@sched.example:8443/a?b#c', 'https://sched.example/*'],
    ['ftp://files.example/schedule.xml', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ])('%s → %s', (url, pattern) => {
    expect(originPattern(url)).toBe(pattern);
  });
});
