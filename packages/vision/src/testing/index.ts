/** Test-data generators (real face photo → videos with known painted eye closures); used by tests and benches. */
export * from './paint-eyes';
export * from './raw-video';
export * from './scenario-video';
export * from './test-face';
