// Sets up an office database on a CouchDB 3 server (or the test server): the database, its
// security object (members by role), the design document with the write rules (design.mjs),
// and optionally users. Used by the tests and by IT (docs/sync-it-guide.md):
//
//   node couchdb/setup.mjs https://couch.example:6984 duchaduban admin:密码 [编辑:张三:密码 …] [只读:李四:密码 …]
//
// Every step is idempotent: run it again after an upgrade of the app to update the rules.
import { designDoc, securityObject } from './design.mjs';

function basic(user, password) {
  return 'Basic ' + Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
}

async function call(server, admin, method, path, body) {
  const res = await fetch(new URL(path, server), {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: basic(admin.user, admin.password) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  return { status: res.status, json };
}

/** Creates or updates a document, keeping its current _rev. */
async function upsert(server, admin, path, doc) {
  const current = await call(server, admin, 'GET', path);
  const next = current.status === 200 ? { ...doc, _rev: current.json._rev } : doc;
  const res = await call(server, admin, 'PUT', path, next);
  if (res.status >= 300) throw new Error(`PUT ${path}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.status;
}

/**
 * server: 'http://127.0.0.1:5984'; db: the database name; admin: { user, password };
 * users: [{ name, password, role }]. Returns what each step answered.
 */
export async function setupOffice(server, db, admin, users = []) {
  const out = {};
  const created = await call(server, admin, 'PUT', `/${encodeURIComponent(db)}`);
  if (created.status >= 300 && created.status !== 412) throw new Error(`PUT /${db}: ${created.status}`);
  out.db = created.status;
  const security = await call(server, admin, 'PUT', `/${encodeURIComponent(db)}/_security`, securityObject);
  if (security.status >= 300) throw new Error(`PUT /${db}/_security: ${security.status}`);
  out.security = security.status;
  out.design = await upsert(server, admin, `/${encodeURIComponent(db)}/${designDoc._id}`, designDoc);
  for (const user of users) {
    const id = `org.couchdb.user:${user.name}`;
    out[user.name] = await upsert(server, admin, `/_users/${encodeURIComponent(id)}`, {
      _id: id,
      name: user.name,
      type: 'user',
      roles: [user.role],
      password: user.password,
    });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [server, db, adminArg, ...userArgs] = process.argv.slice(2);
  if (!server || !db || !adminArg) {
    console.error('用法：node couchdb/setup.mjs 服务器地址 数据库名 管理员:密码 [角色:用户名:密码 …]');
    process.exit(2);
  }
  const [user, ...pw] = adminArg.split(':');
  const users = userArgs.map((arg) => {
    const [role, name, ...rest] = arg.split(':');
    return { role, name, password: rest.join(':') };
  });
  setupOffice(server, db, { user, password: pw.join(':') }, users).then(
    (out) => console.log(JSON.stringify(out)),
    (error) => {
      console.error(String(error));
      process.exit(1);
    },
  );
}
