// A CouchDB-compatible server for the tests and the benchmark: express-pouchdb (the engine of
// pouchdb-server) over PouchDB 9's memory adapter, with pouchdb-server's CORS middleware
// (cors.cjs). It answers CouchDB's HTTP API and replication protocol, users and roles
// (_users, _session, basic auth), security objects and validate_doc_update — what the app's
// sync relies on. Unlike `pouchdb-server --in-memory` its listener can be stopped and started
// again with the data kept (the "server goes away mid-sync" tests).
//
//   const couch = await startCouchServer();      // 127.0.0.1, a free port chosen by the OS
//   await couch.setupOffice('office-1');         // database, security, rules, users below
//   await couch.stop(); await couch.start();     // same port, same data
//   await couch.close();
//
// Or from a shell: `node couchdb/testserver.mjs [port]` prints its address.
//
// Known differences from CouchDB 3 (see the sync spike's memo): a database without a security
// object is public, CORS reflects any origin, `_changes` with a Mango selector crashes it.
// The tests do not rely on those.
import { createRequire } from 'node:module';
import http from 'node:http';
import Module from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { setupOffice } from './setup.mjs';
import { EDITOR_ROLE, READER_ROLE } from './design.mjs';

const require = createRequire(import.meta.url);

// BUG in pouchdb-validation 4.2.0 (used by express-pouchdb 4.2.0): validate() sets
// `newDoc._revisions = (oldDoc || {})._revisions`, so with any validate_doc_update in a database
// a replicated update (_bulk_docs new_edits:false) of an existing document loses its revision
// history and is silently dropped. Patched at load; the check fails loudly if the file changes.
function patchValidation() {
  const file = require.resolve('pouchdb-validation');
  if (require.cache[file]?.patchedForDuchaduban) return;
  const bad = 'newDoc._revisions = (oldDoc || {})._revisions;';
  const src = fs.readFileSync(file, 'utf8');
  if (!src.includes(bad)) throw new Error('pouchdb-validation changed: re-check the patch in couchdb/testserver.mjs');
  const m = new Module(file, null);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m._compile(src.replace(bad, 'if (!newDoc._revisions) ' + bad), file);
  m.loaded = true;
  m.patchedForDuchaduban = true;
  require.cache[file] = m;
}
patchValidation();

const express = require('express');
const expressPouchDB = require('express-pouchdb');
const cors = require('./cors.cjs');

/** The admin and the users every test database gets (setupOffice). */
export const ADMIN = { user: 'admin', password: 'admin-secret' };
export const USERS = [
  { name: 'editor1', password: 'pw-editor1', role: EDITOR_ROLE },
  { name: 'editor2', password: 'pw-editor2', role: EDITOR_ROLE },
  { name: 'reader1', password: 'pw-reader1', role: READER_ROLE },
];

let serial = 0;

/**
 * PouchDB with the plugins the server needs. Plugins patch the one PouchDB class of the
 * process, which a test may share with the app's own client (renderer/src/sync/pouch.ts):
 * each is added once.
 */
function pouchCore() {
  const PouchDB = require('pouchdb-core');
  if (!PouchDB.adapters.memory) PouchDB.plugin(require('pouchdb-adapter-memory'));
  if (!PouchDB.adapters.http) PouchDB.plugin(require('pouchdb-adapter-http'));
  if (!('replicate' in PouchDB.prototype)) PouchDB.plugin(require('pouchdb-replication'));
  if (!('query' in PouchDB.prototype)) PouchDB.plugin(require('pouchdb-mapreduce'));
  return PouchDB;
}

export async function startCouchServer({ port = 0, host = '127.0.0.1' } = {}) {
  // Each server its own memory store: databases of the same name in two servers stay apart.
  const prefix = `couch${process.pid}-${++serial}-`;
  const PouchDB = pouchCore().defaults({ adapter: 'memory', prefix });
  const pouchApp = expressPouchDB(PouchDB, {
    mode: 'fullCouchDB',
    inMemoryConfig: true,
    logPath: path.join(process.platform === 'win32' ? (process.env.TEMP ?? '.') : '/tmp', `${prefix}log.txt`),
    overrideMode: { exclude: ['routes/fauxton'] },
  });
  const app = express();
  app.use(cors(pouchApp.couchConfig));
  app.use(pouchApp);

  let server = null;
  let boundPort = port;
  const sockets = new Set();
  let requests = 0;
  /** Called with each request before it is answered (tests: stop the server in the middle of a sync). */
  let onRequest = null;

  function start() {
    return new Promise((resolve, reject) => {
      if (server) return resolve();
      const s = http.createServer((req, res) => {
        requests++;
        onRequest?.(req);
        app(req, res);
      });
      s.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      s.once('error', reject);
      s.listen(boundPort, host, () => {
        boundPort = s.address().port;
        server = s;
        resolve();
      });
    });
  }
  function stop() {
    return new Promise((resolve) => {
      if (!server) return resolve();
      const s = server;
      server = null;
      s.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  }

  await start();
  const url = `http://${host}:${boundPort}`;
  // The first admin ends the "admin party": from now on anonymous requests are not admin.
  const res = await fetch(`${url}/_config/admins/${ADMIN.user}`, {
    method: 'PUT',
    body: JSON.stringify(ADMIN.password),
  });
  if (res.status >= 300) throw new Error(`admin set-up failed: ${res.status}`);

  return {
    url,
    get port() {
      return boundPort;
    },
    get requests() {
      return requests;
    },
    get listening() {
      return server !== null;
    },
    get onRequest() {
      return onRequest;
    },
    set onRequest(listener) {
      onRequest = listener;
    },
    start,
    stop,
    close: stop,
    /** An office database with its security object, rules and the users of USERS. */
    setupOffice: (db, users = USERS) => setupOffice(url, db, ADMIN, users),
    /** The server-side PouchDB of database `db` (no HTTP), for seeding and checks. */
    local: (db) => new PouchDB(db),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const couch = await startCouchServer({ port: Number(process.argv[2] ?? 0) });
  console.log(couch.url);
}
