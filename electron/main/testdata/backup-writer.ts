// Child process for backups.test.ts: writes automatic backups of a known size in a loop until
// it is killed, announcing each finished one on stdout.
import { writeAutoBackup } from '../backups';

const [folder, sizeText] = process.argv.slice(2);
const header = '{"format": "duchaduban-backup", "payload": "';
const bytes = new TextEncoder().encode(header + 'x'.repeat(Number(sizeText) - header.length - 2) + '"}');
for (;;) {
  const stored = await writeAutoBackup(folder ?? '', { reason: 'daily', bytes });
  process.stdout.write(`${stored.name}\n`);
}
