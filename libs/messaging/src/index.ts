export * from './envelope';
export * from './kafka-publisher';
export * from './relay';
export * from './relay-checkpoint';
export * from './relay-lock';
export * from './dead-letter';
