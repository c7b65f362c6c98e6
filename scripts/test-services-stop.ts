/** Jest's globalTeardown: stops the services scripts/test-services.ts started for the run. */
export { teardown as default } from './test-services';
