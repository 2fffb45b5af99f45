// Notifications DTOs (one per file), exported here.
export {};
