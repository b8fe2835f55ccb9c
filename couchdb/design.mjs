// The office database's design document: the server-side rules that hold whatever a client
// does (issue 16: roles enforced by CouchDB, not only by the app's screens).
//
// - Reading needs membership of the database (its _security object: roles 编辑 and 只读).
// - Writing needs the role 编辑 (or a server admin); a 只读 user (a leader's PC) is refused.
// - An audit entry (type 'audit') can never be changed or deleted once on the server, and its
//   id names its device and sequence number: each PC's chain stays whole.
// - A document's id starts with its type ('reports:…'), so one type cannot pose as another.
//
// CouchDB runs this function (ES5) for every write, replicated ones included. The same
// documents as JSON files, for IT to install without Node (docs/sync-it-guide.md):
// design-duchaduban.json and security.json; scripts/couchdb-design.test.ts checks that they
// agree with this module (`node couchdb/setup.mjs` installs them from here).

/** The role that may change the office's data. */
export const EDITOR_ROLE = '编辑';
/** The role that may only read it (a leader's PC). */
export const READER_ROLE = '只读';

export const validateDocUpdate = `function (newDoc, oldDoc, userCtx) {
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  if (roles.indexOf('${EDITOR_ROLE}') === -1) {
    throw { forbidden: '只读用户不能修改数据（需要“${EDITOR_ROLE}”角色）。' };
  }
  if (oldDoc && oldDoc.type === 'audit') {
    throw { forbidden: '操作日志一经写入，不能修改或删除。' };
  }
  if (newDoc._deleted) return;
  if (typeof newDoc.type !== 'string' || newDoc._id.indexOf(newDoc.type + ':') !== 0) {
    throw { forbidden: '文档编号与类型不符。' };
  }
  if (newDoc.type === 'audit') {
    var entry = newDoc.entry;
    if (typeof newDoc.deviceId !== 'string' || typeof newDoc.dseq !== 'number' || !entry || typeof entry !== 'object') {
      throw { forbidden: '操作日志格式不正确。' };
    }
    var seq = String(newDoc.dseq);
    while (seq.length < 10) seq = '0' + seq;
    if (newDoc._id !== 'audit:' + newDoc.deviceId + ':' + seq) {
      throw { forbidden: '操作日志的编号与其设备、序号不符。' };
    }
  }
}`;

/** The design document as stored in the office database (`_design/duchaduban`). */
export const designDoc = {
  _id: '_design/duchaduban',
  language: 'javascript',
  validate_doc_update: validateDocUpdate,
};

/** The database's security object: members by role; server admins only as admins. */
export const securityObject = {
  admins: { names: [], roles: [] },
  members: { names: [], roles: [EDITOR_ROLE, READER_ROLE] },
};
