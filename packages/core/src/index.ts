/** @hemispasm/core — pure clinical logic and signal analysis. No I/O: callers bring data in and take results out. */

export * from './decision/index';
export * from './evidence/sources';
export * from './instruments/index';
export * from './movement/index';
export * from './outcomes/kaplan-meier';
export * from './signals/index';
export * from './signals/types';
export * from './validation';
export * from './vocabulary/index';
