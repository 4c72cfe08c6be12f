/**
 * Setup file of the server suite (vitest.config.ts): after each test file, the debug log of its traffic
 * (helpers/traffic-log.ts) must hold none of the ids, e-mails and free-text values that traffic carried.
 */
import { afterAll, expect } from 'vitest';
import { takeLeaks } from './traffic-log';

afterAll(() => {
  const { leaked } = takeLeaks();
  expect(leaked, 'patient data in the debug log of this file’s traffic').toEqual([]);
});
