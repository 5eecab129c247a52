// The one place the client gets the server's custom protocol from (sema/evaluate, sema/evalOutput, ...).
export * from '@sema/server/protocol';
