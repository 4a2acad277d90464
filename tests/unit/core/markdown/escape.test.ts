import { describe, expect, it } from 'vitest';
import { escapeMarkdownText, escapeTagOpeners, isAllowedScheme, opensTag } from '@/core/markdown/escape';

describe('opensTag', () => {
  it.each([
    ['a', true],
    ['Z', true],
    ['/', true],
    ['!', true],
    ['?', true],
    ['3', false],
    [' ', false],
    ['=', false],
    ['', false],
  ])('< followed by %j: %s', (next, opens) => {
    expect(opensTag(next)).toBe(opens);
  });
});

describe('escapeTagOpeners', () => {
  it.each([
    ['<b>', '\\<b>'],
    ['a < b', 'a < b'],
    // Already escaped: left alone; an escaped backslash before it does not escape it.
    ['\\<b>', '\\<b>'],
    ['\\\\<b>', '\\\\\\<b>'],
    ['<!-- x --> </p> <?php', '\\<!-- x --> \\</p> \\<?php'],
  ])('%j -> %j', (text, expected) => {
    expect(escapeTagOpeners(text)).toBe(expected);
  });
});

describe('escapeMarkdownText', () => {
  it.each([
    // The backslash is doubled first, so the `<` after it still needs its own.
    ['\\<b>', '\\\\\\<b>'],
    ['x <', 'x \\<'],
    ['<', '\\<'],
  ])('%j -> %j', (text, expected) => {
    expect(escapeMarkdownText(text)).toBe(expected);
  });
});

describe('isAllowedScheme', () => {
  it.each([
    ['https', 'page', true],
    ['http', 'page', true],
    ['mailto', 'page', true],
    ['ftp', 'page', false],
    ['javascript', 'page', false],
    [undefined, 'page', false],
    ['https', 'user', true],
    ['obsidian', 'user', true],
    [undefined, 'user', true],
    ['javascript', 'user', false],
    ['vbscript', 'user', false],
    ['data', 'user', false],
  ] as const)('%s from %s: %s', (scheme, origin, allowed) => {
    expect(isAllowedScheme(scheme, origin)).toBe(allowed);
  });
});
