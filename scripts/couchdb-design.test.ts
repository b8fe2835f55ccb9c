// The office database's rules ship twice: as the module the tests and couchdb/setup.mjs install
// (couchdb/design.mjs), and as JSON files IT can install with curl or Fauxton without Node
// (docs/sync-it-guide.md). They must be the same documents.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { designDoc, securityObject } from '../couchdb/design.mjs';

const read = (name: string): unknown => JSON.parse(readFileSync(path.join(__dirname, '..', 'couchdb', name), 'utf8'));

describe('the office database rules shipped as files', () => {
  it('design-duchaduban.json is the design document setup.mjs installs', () => {
    expect(read('design-duchaduban.json')).toEqual(designDoc);
  });

  it('security.json is the security object setup.mjs installs', () => {
    expect(read('security.json')).toEqual(securityObject);
  });

  it('the rules are a function CouchDB can compile', () => {
    // CouchDB evaluates the source as a function expression; so does this.
    const compiled = new Function(`return (${designDoc.validate_doc_update});`)() as unknown;
    expect(typeof compiled).toBe('function');
  });
});
