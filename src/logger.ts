import pino from 'pino';
import { SECRET_SETTINGS } from './config';

/** The project's logger type: pino's, so adapters can make children with bindings. */
export type Logger = pino.Logger;

/**
 * Creates the JSON logger. Fields that may hold secrets are redacted wherever they appear, so a
 * careless `log.info({ config })` cannot leak a token.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          ...SECRET_SETTINGS.map((name) => `*.${name}`),
          'password',
          '*.password',
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          'headers.cookie',
          '*.headers.cookie',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
