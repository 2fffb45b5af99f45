// Orders DTOs (one per file), exported here.
export {};
