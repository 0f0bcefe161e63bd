export * from './hlc';
export * from './merge';
export * from './lease';
export * from './messages';
export * from './errors';
export * from './replica';
export * from './packed-clocks';
