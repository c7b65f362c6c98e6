import pino from 'pino';
import { build as prettyStream } from 'pino-pretty';
import { SECRET_SETTINGS } from './config';

/** The project's logger type: pino's, so adapters can make children with bindings. */
export type Logger = pino.Logger;

/**
 * Human-readable lines for a person at a terminal (so the first admin password is easy to read),
 * JSON everywhere else: in production, and whenever the output goes to a file or a collector.
 */
export function wantsPrettyLogs(nodeEnv: string | undefined, stdoutIsTty: boolean | undefined): boolean {
  return nodeEnv !== 'production' && stdoutIsTty === true;
}

/** A pino-pretty stream: colours when the terminal has them, local time, no pid or host name. */
export function prettyDestination(destination?: NodeJS.WritableStream): pino.DestinationStream {
  return prettyStream({
    // Synchronous, so a line printed just before a crash or an exit is not lost.
    sync: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    ...(destination ? { destination, colorize: false } : {}),
  });
}

/**
 * Creates the logger: JSON, or pretty lines at a development terminal. Fields that may hold
 * secrets are redacted wherever they appear, so a careless `log.info({ config })` cannot leak a token.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const output =
    destination ??
    (level !== 'silent' && wantsPrettyLogs(process.env.NODE_ENV, process.stdout.isTTY)
      ? prettyDestination()
      : undefined);
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
    output,
  );
}
