export * from './normalize';
export * from './tokenize';
export * from './clitics';
export * from './offsets';
