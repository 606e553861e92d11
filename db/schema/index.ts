export * from './users';
export * from './projects';
export * from './live';
export * from './yjs';
export * from './audit';
export * from './workshops';
export * from './feedback';
export * from './supervision';
