export * from './ids';
export * from './customer';
export * from './history';
export * from './task';
