export declare const EDITOR_ROLE: string;
export declare const READER_ROLE: string;
export declare const validateDocUpdate: string;
export declare const designDoc: { _id: string; language: string; validate_doc_update: string };
export declare const securityObject: {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
};
