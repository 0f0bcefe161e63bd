export * from './contract';
export * from './envelope';
export * from './dispatch';
export * from './followup';
