import { describe, expect, it } from 'vitest';
import {
  isAllowedSyncUrl,
  outgoingHeaders,
  parseCredentialsFile,
  parseSyncCredentialsRequest,
  parseSyncFetchRequest,
  passwordStorage,
} from './sync-rules';

const target = { origin: 'https://couch.example:6984', database: 'duchaduban' };

describe('isAllowedSyncUrl', () => {
  it.each([
    'https://couch.example:6984/duchaduban',
    'https://couch.example:6984/duchaduban/',
    'https://couch.example:6984/duchaduban/_changes?since=0&feed=longpoll',
    'https://couch.example:6984/duchaduban/reports%3Aabc?revs=true',
    'https://couch.example:6984/_session',
  ])('allows %s', (url) => expect(isAllowedSyncUrl(url, target)).toBe(true));

  it.each([
    ['another origin', 'https://evil.example:6984/duchaduban'],
    ['another port', 'https://couch.example:5984/duchaduban'],
    ['plain http', 'http://couch.example:6984/duchaduban'],
    ['another database', 'https://couch.example:6984/_users'],
    ['a database of a longer name', 'https://couch.example:6984/duchaduban2/x'],
    ['out of the database by ..', 'https://couch.example:6984/duchaduban/../_users/org.couchdb.user:a'],
    ['the server config', 'https://couch.example:6984/_node/_local/_config'],
    ['credentials in the address', 'https://a:b@couch.example:6984/duchaduban'],
    ['not a URL', 'duchaduban'],
  ])('refuses %s', (_label, url) => expect(isAllowedSyncUrl(url, target)).toBe(false));
});

describe('parseSyncFetchRequest', () => {
  const valid = {
    id: 'r1',
    url: 'https://couch.example:6984/duchaduban',
    method: 'GET',
    headers: [['Accept', 'application/json']],
  };
  it('accepts a PouchDB request', () => {
    expect(parseSyncFetchRequest({ ...valid, body: '{}' })).toEqual({ ...valid, body: '{}' });
  });
  it.each([
    ['no id', { ...valid, id: '' }],
    ['a method PouchDB never uses', { ...valid, method: 'PATCH' }],
    ['headers as an object', { ...valid, headers: { Accept: 'x' } }],
    ['a binary body', { ...valid, body: new Uint8Array(2) }],
    ['not an object', 'GET /'],
  ])('refuses %s', (_label, input) => expect(() => parseSyncFetchRequest(input)).toThrow(TypeError));
});

describe('outgoingHeaders', () => {
  it('replaces whatever the page claims about who it is with the stored credentials (UTF-8)', () => {
    const headers = outgoingHeaders(
      [
        ['Accept', 'application/json'],
        ['authorization', 'Basic ZXZpbDpldmls'],
        ['Cookie', 'AuthSession=x'],
        ['Host', 'evil.example'],
      ],
      '张三',
      'pw:1',
    );
    expect(headers).toEqual([
      ['Accept', 'application/json'],
      ['Authorization', `Basic ${Buffer.from('张三:pw:1', 'utf8').toString('base64')}`],
    ]);
  });
});

describe('parseSyncCredentialsRequest', () => {
  it('accepts an origin, a CouchDB database name and a user', () => {
    expect(parseSyncCredentialsRequest({ ...target, username: '张三', password: 'x' })).toEqual({
      ...target,
      username: '张三',
      password: 'x',
    });
  });
  it.each([
    ['an address with a path as origin', { ...target, origin: 'https://couch.example:6984/x', username: 'a' }],
    ['a database name CouchDB refuses', { ...target, database: 'Office', username: 'a' }],
    ['a user name with a colon (basic auth)', { ...target, username: 'a:b' }],
    ['an empty user', { ...target, username: '' }],
  ])('refuses %s', (_label, input) => expect(() => parseSyncCredentialsRequest(input)).toThrow(TypeError));
});

describe('passwordStorage', () => {
  it.each<[NodeJS.Platform, boolean, string, 'encrypted' | 'session']>([
    ['win32', true, 'os', 'encrypted'],
    ['darwin', true, 'os', 'encrypted'],
    ['linux', true, 'gnome_libsecret', 'encrypted'],
    ['linux', true, 'kwallet5', 'encrypted'],
    ['linux', true, 'basic_text', 'session'],
    ['linux', true, 'unknown', 'session'],
    ['win32', false, 'os', 'session'],
  ])('%s, available %s, %s → %s', (platform, available, backend, expected) => {
    expect(passwordStorage(platform, available, backend)).toBe(expected);
  });
});

describe('parseCredentialsFile', () => {
  it('reads back what main writes and refuses anything else', () => {
    const file = { ...target, username: '张三', password: 'AAEC' };
    expect(parseCredentialsFile(JSON.stringify(file))).toEqual(file);
    expect(parseCredentialsFile('{')).toBeUndefined();
    expect(parseCredentialsFile(JSON.stringify({ ...file, origin: 'file:///c:/' }))).toBeUndefined();
    expect(parseCredentialsFile(JSON.stringify({ ...file, password: 'not base64!' }))).toBeUndefined();
  });
});
