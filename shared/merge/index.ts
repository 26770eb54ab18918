export * from './similarity';
export * from './codebook';
export * from './project';
export * from './disagreements';
