export * from './kappa';
export * from './alpha';
export * from './intervals';
export * from './characters';
export * from './segments';
export * from './units';
export * from './compare';
export * from './describe';
