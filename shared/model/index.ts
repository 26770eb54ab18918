export * from './schema';
export * from './ids';
export * from './positions';
export * from './changes';
export * from './project';
export * from './context';
export * from './richtext';
export * from './preserved';
