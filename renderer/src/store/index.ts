export * from './db';
export * from './catalog';
export * from './project-store';
export * from './hooks';
export { migrations, currentVersion, upgradeRow } from './migrations';
