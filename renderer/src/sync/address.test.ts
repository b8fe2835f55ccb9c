import { describe, expect, it } from 'vitest';
import { parseServerAddress } from './address';

describe('parseServerAddress', () => {
  it.each([
    ['https://192.168.1.10:6984', 'duchaduban', 'https://192.168.1.10:6984', 'https://192.168.1.10:6984/duchaduban'],
    ['192.168.1.10:5984/', 'duchaduban', 'http://192.168.1.10:5984', 'http://192.168.1.10:5984/duchaduban'],
    ['http://couch.example:5984/office', '', 'http://couch.example:5984', 'http://couch.example:5984/office'],
    [' HTTPS://Couch.Example ', 'dcb_2026', 'https://couch.example', 'https://couch.example/dcb_2026'],
  ])('%s + %s', (address, database, origin, url) => {
    expect(parseServerAddress(address, database)).toMatchObject({ ok: true, origin, url });
  });

  it.each([
    ['', 'duchaduban', '请填写服务器地址'],
    ['ftp://x', 'duchaduban', 'http:// 或 https://'],
    ['http://admin:pw@x:5984', 'duchaduban', '不要写用户名和密码'],
    ['http://x:5984/a', 'b', '不一致'],
    ['http://x:5984', 'Office', '不符合 CouchDB 的规则'],
    ['http://x:5984', '', '请填写数据库名'],
    ['http://x:5984/?a=1', 'a', '“?”或“#”'],
  ])('refuses %s + %s', (address, database, message) => {
    const result = parseServerAddress(address, database);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });
});
