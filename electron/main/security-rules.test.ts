import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isTrustedSender } from './security-rules';

describe('isTrustedSender', () => {
  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle/index.html#/ledger?year=2026', true],
    ['app://bundle/', true],
  ])('trusts the app page %s as top frame', (url, expected) => {
    expect(isTrustedSender(url, true)).toBe(expected);
  });

  it('refuses the app page when it is a subframe', () => {
    expect(isTrustedSender('app://bundle/index.html', false)).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'https://evil.example/app://bundle/index.html',
    'http://localhost:4173/index.html',
    'file:///C:/Users/a/index.html',
    'app://evil/index.html',
    'app://bundle.evil.example/index.html',
    'app://bundle@evil.example/index.html',
    'app://bundle:1234/index.html',
    'data:text/html,<script>1</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isTrustedSender(url, true)).toBe(false);
  });

  it('refuses a missing frame URL', () => {
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it.each(['app://bundle/index.html', 'app://bundle/index.html#/plans'])('allows in-app %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://example.gov.cn/',
    'file:///etc/passwd',
    'app://other/index.html',
    'javascript:alert(1)',
    'mailto:a@b.c',
    'chrome://settings',
  ])('denies %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});
