export * from './config';
export * from './vault-kek';
export * from './clock';
export * from './brokers';
export * from './relay-config';
export * from './projector-config';
