// The server address the office types on 数据安全 → 多机同步, checked and normalised (pure).
export type ServerAddress =
  { ok: true; origin: string; database: string; url: string } | { ok: false; message: string };

const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/**
 * Checks and normalises what the office typed: 'http://192.168.1.10:5984' (or with a path,
 * which names the database) and the database name (CouchDB's rule: lower case, starting
 * with a letter). The origin is what the app may connect to, and nothing else.
 */
export function parseServerAddress(address: string, database: string): ServerAddress {
  const text = address.trim();
  if (text === '') return { ok: false, message: '请填写服务器地址，如 https://192.168.1.10:6984' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    return { ok: false, message: `服务器地址“${text}”无法识别，应写作 https://服务器:端口` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, message: '服务器地址应以 http:// 或 https:// 开头' };
  if (url.username !== '' || url.password !== '')
    return { ok: false, message: '服务器地址中不要写用户名和密码，请填在下面的栏目中' };
  if (url.search !== '' || url.hash !== '') return { ok: false, message: '服务器地址中不应有“?”或“#”' };
  const fromPath = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, ''));
  const name = (database.trim() || fromPath).trim();
  if (fromPath !== '' && database.trim() !== '' && fromPath !== database.trim())
    return { ok: false, message: `服务器地址中的数据库“${fromPath}”与数据库名“${database.trim()}”不一致` };
  if (name === '') return { ok: false, message: '请填写数据库名，如 duchaduban' };
  if (!DATABASE_NAME.test(name))
    return { ok: false, message: `数据库名“${name}”不符合 CouchDB 的规则：小写字母开头，只含小写字母、数字和 _$()+-/` };
  const origin = url.origin;
  return { ok: true, origin, database: name, url: `${origin}/${encodeURIComponent(name)}` };
}
