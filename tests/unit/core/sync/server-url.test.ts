// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkSyncUrl, SYNC_URL_MESSAGES } from '@/core/sync/server-url';

describe('checkSyncUrl', () => {
  it.each([
    ['https://couch.example.org/talk-notes', 'https://couch.example.org/talk-notes'],
    ['  https://couch.example.org/talk-notes/  ', 'https://couch.example.org/talk-notes'],
    ['https://couch.example.org:6984/team/notes?x=1#y', 'https://couch.example.org:6984/team/notes'],
    // Plain HTTP only where nothing crosses a network.
    ['http://localhost:5984/talk-notes', 'http://localhost:5984/talk-notes'],
    ['http://127.0.0.1:5984/talk-notes', 'http://127.0.0.1:5984/talk-notes'],
    ['http://[::1]:5984/talk-notes', 'http://[::1]:5984/talk-notes'],
  ])('takes %s as %s', (input, url) => {
    expect(checkSyncUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    ['http://couch.example.org/talk-notes', SYNC_URL_MESSAGES.insecure],
    ['http://192.168.1.10:5984/talk-notes', SYNC_URL_MESSAGES.insecure],
    ['http://127.0.0.1.example.org/talk-notes', SYNC_URL_MESSAGES.insecure],
    ['http://localhost.example.org/talk-notes', SYNC_URL_MESSAGES.insecure],
    ['https://couch.example.org', SYNC_URL_MESSAGES.noDatabase],
    ['https://couch.example.org///', SYNC_URL_MESSAGES.noDatabase],
    ['https://ada:secret@couch.example.org/talk-notes', SYNC_URL_MESSAGES.credentials],
    ['ftp://couch.example.org/talk-notes', SYNC_URL_MESSAGES.invalid],
    ['javascript:alert(1)', SYNC_URL_MESSAGES.invalid],
    ['couch.example.org/talk-notes', SYNC_URL_MESSAGES.invalid],
    ['', SYNC_URL_MESSAGES.invalid],
  ])('refuses %s in plain words', (input, message) => {
    expect(checkSyncUrl(input)).toEqual({ ok: false, message });
  });
});
