export declare function setupOffice(
  server: string,
  db: string,
  admin: { user: string; password: string },
  users?: { name: string; password: string; role: string }[],
): Promise<Record<string, number>>;
