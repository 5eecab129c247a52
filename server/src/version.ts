// The server's version, as a constant so bundles and tsc output agree (a test keeps it
// equal to package.json's).

export const VERSION = '0.1.0';
