import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import { AuthError, HandoffError, NotFoundError, RateLimitError, ValidationError } from '../../src/errors';
import type { Attachment } from '../../src/model/message';
import { cleanFileName } from '../../src/text/file-name';
import { SESSION_COOKIE } from '../console/session-cookie';
import { readCookie } from '../http/cookies';
import type { Limits } from '../http/limits';
import { isVideoType, sniffUploadType, UPLOAD_TYPES, type UploadType } from './file-sniffer';
import { readUploadRecord, sweepUploads, uploadFolder, type UploadRecord } from './upload-records';
import { conversationKeyOf, isSessionToken, type WebSessions } from './web-session';

/** Largest upload accepted that is not a video: a screenshot or a log. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Largest video accepted unless the policy says otherwise (`uploads.videoMaxMb`). */
export const DEFAULT_MAX_VIDEO_BYTES = 50 * 1024 * 1024;
/** The header the widget sends its session token in (uploads and downloads). */
export const CHAT_TOKEN_HEADER = 'x-chat-token';

const ID = /^[A-Za-z0-9_-]{22}$/;

/** Options of the upload routes. */
export interface UploadRoutesOptions {
  dataDir: string;
  directory: AgentDirectory;
  limits: Limits;
  /** Widget sessions the server issued: only they may upload. */
  sessions: WebSessions;
  /** The client's address under the TRUST_PROXY rule. */
  clientAddress: (req: IncomingMessage) => string;
  /** UPLOAD_RETENTION_DAYS: files older than this are deleted (hourly sweep). */
  retentionDays: number;
  /** Largest screen recording accepted (the policy's `uploads.videoMaxMb`). */
  maxVideoBytes?: number;
  now?: () => number;
}

const SWEEP_EVERY_MS = 3600 * 1000;

/**
 * Screenshots, files and screen recordings from the chat widget: `POST /api/chat/uploads`
 * (authorised by the widget's session token, type sniffed from the bytes, at most 5 MB, or the
 * policy's video limit for MP4, WebM and QuickTime videos, stored under DATA_DIR/uploads with a
 * random id) and `GET /uploads/:id`, readable only by signed-in agents and the uploading session.
 */
export function uploadRoutes(options: UploadRoutesOptions): Router {
  const router = express.Router();
  const folder = uploadFolder(options.dataDir);
  const { limits } = options;
  const sweep = (): void => {
    void sweepUploads(options.dataDir, { retentionDays: options.retentionDays }).catch(() => undefined);
  };
  sweep();
  setInterval(sweep, SWEEP_EVERY_MS).unref();
  const now = options.now ?? Date.now;
  const maxVideo = options.maxVideoBytes ?? DEFAULT_MAX_VIDEO_BYTES;
  const readBody = express.raw({ type: () => true, limit: Math.max(MAX_UPLOAD_BYTES, maxVideo) });
  const tooLarge = (video: boolean): HandoffError =>
    video
      ? new HandoffError('too_large', `The video is larger than ${megabytes(maxVideo)} MB`)
      : new HandoffError('too_large', `The file is larger than ${megabytes(MAX_UPLOAD_BYTES)} MB`);

  router.options(['/api/chat/uploads', '/uploads/:id'], (_req, res) => {
    allowCrossOrigin(res);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Chat-Token, X-File-Name');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  });

  router.post('/api/chat/uploads', async (req: Request, res: Response) => {
    allowCrossOrigin(res);
    const token = req.get(CHAT_TOKEN_HEADER);
    if (!isSessionToken(token) || !(await options.sessions.isIssued(token))) {
      throw new AuthError('A chat session token is required in the X-Chat-Token header');
    }
    const ownerKey = conversationKeyOf(token);
    const address = options.clientAddress(req);
    const [bySession, byAddress] = await Promise.all([
      limits.take('uploadsPerSession', ownerKey),
      limits.take('uploadsPerAddress', address),
    ]);
    if (!bySession || !byAddress) throw tooMany();
    const declared = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (declared && declared !== 'application/octet-stream' && !isUploadType(declared)) {
      throw new ValidationError(
        'Only PNG, JPEG, GIF or WebP images, PDF and plain text files, and MP4, WebM or MOV videos can be uploaded',
        'unsupported_type',
        { status: 415 },
      );
    }
    // What the sender declares only decides how much is read; the bytes decide the rest below.
    const declaredVideo = isVideoType(declared) || declared === '' || declared === 'application/octet-stream';
    const readLimit = declaredVideo ? Math.max(maxVideo, MAX_UPLOAD_BYTES) : MAX_UPLOAD_BYTES;
    if (Number(req.get('content-length') ?? 0) > readLimit) throw tooLarge(isVideoType(declared));
    const bytes = await readRaw(readBody, req, res, () => tooLarge(isVideoType(declared)));
    if (bytes.length === 0) throw new ValidationError('The file is empty', 'empty_file');
    const [bytesBySession, bytesByAddress] = await Promise.all([
      limits.take('uploadBytesPerSession', ownerKey, bytes.length),
      limits.take('uploadBytesPerAddress', address, bytes.length),
    ]);
    if (!bytesBySession || !bytesByAddress) throw tooMany();
    const mimeType = sniffUploadType(bytes);
    if (
      !mimeType ||
      (declared.startsWith('image/') && !mimeType.startsWith('image/')) ||
      (declared.startsWith('video/') && !isVideoType(mimeType))
    ) {
      throw new ValidationError(
        "The file's content is not a PNG, JPEG, GIF or WebP image, a PDF, plain text, or an MP4, WebM or MOV video",
        'unsupported_type',
        { status: 415 },
      );
    }
    if (bytes.length > (isVideoType(mimeType) ? maxVideo : MAX_UPLOAD_BYTES)) {
      throw tooLarge(isVideoType(mimeType));
    }
    const id = randomBytes(16).toString('base64url');
    const record: UploadRecord = {
      mimeType,
      name: fileName(req.get('x-file-name'), mimeType),
      size: bytes.length,
      ownerKey,
      createdAt: now(),
    };
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, id), bytes, { mode: 0o600 });
    await fs.writeFile(path.join(folder, `${id}.json`), JSON.stringify(record), { mode: 0o600 });
    const attachment: Attachment = {
      kind: mimeType.startsWith('image/') ? 'image' : 'file',
      url: `/uploads/${id}`,
      name: record.name,
      mimeType,
      size: record.size,
    };
    res.status(201).json({ attachment });
  });

  router.get('/uploads/:id', async (req: Request, res: Response) => {
    allowCrossOrigin(res);
    const id = String(req.params.id);
    if (!ID.test(id)) throw new NotFoundError('File');
    const record = await readUploadRecord(options.dataDir, id);
    const token = req.get(CHAT_TOKEN_HEADER);
    const agentToken = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (isSessionToken(token)) {
      // Another session's file answers as missing: ids are not confirmed to strangers.
      if (!record || conversationKeyOf(token) !== record.ownerKey) throw new NotFoundError('File');
    } else if (agentToken) {
      await options.directory.authenticate(agentToken);
      if (!record) throw new NotFoundError('File');
    } else {
      throw new AuthError('Sign in to the console to see uploaded files');
    }
    // Images and videos show in the console (a video plays in a <video> player); the rest downloads.
    const inline = record.mimeType.startsWith('image/') || isVideoType(record.mimeType);
    res.setHeader('Content-Type', record.mimeType);
    res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox");
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.setHeader(
      'Content-Disposition',
      `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(record.name)}`,
    );
    res.sendFile(path.join(folder, id));
  });

  return router;
}

function allowCrossOrigin(res: Response): void {
  // The widget runs on customers' own sites; access is by token header, never by cookie.
  res.setHeader('Access-Control-Allow-Origin', '*');
}

function isUploadType(type: string): type is UploadType {
  return (UPLOAD_TYPES as readonly string[]).includes(type);
}

function tooMany(): HandoffError {
  return new RateLimitError('Too many uploads; wait a while and try again');
}

function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

/** Runs express.raw and turns its size error into our clear one. */
function readRaw(
  middleware: (req: Request, res: Response, next: NextFunction) => void,
  req: Request,
  res: Response,
  tooLarge: () => HandoffError,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    middleware(req, res, (error?: unknown) => {
      if ((error as { type?: unknown } | undefined)?.type === 'entity.too.large') reject(tooLarge());
      else if (error) reject(error instanceof Error ? error : new Error('Could not read the upload'));
      else resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    });
  });
}

/** A display name from the widget's header, trimmed to something safe to show and to send back. */
function fileName(header: string | undefined, mimeType: UploadType): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(header ?? '');
  } catch {
    decoded = '';
  }
  return cleanFileName(decoded) || `upload.${mimeType.split('/')[1] ?? 'bin'}`;
}
