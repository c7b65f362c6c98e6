import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Where Debian puts the dovecot binary (package `dovecot-imapd`). */
const DOVECOT = process.env.DOVECOT_BIN ?? '/usr/sbin/dovecot'; // DOVECOT_BIN is set by the test setup

/** A throw-away dovecot IMAP server on 127.0.0.1 with one user. */
export interface ImapServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** `imap://user:password@127.0.0.1:port`, the form IMAP_URL takes. */
  url: string;
  /** Stops dovecot and deletes its configuration and mail. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now (dovecot needs a number; port 0 is not an option for it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port. */
async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode}:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`dovecot did not listen on ${port} within 10 s:\n${log()}`);
}

/** Dovecot refuses mail access as root: as root the mail belongs to `nobody`, else to the caller. */
function mailOwner(): { uid: number; gid: number } {
  const uid = process.getuid?.() ?? 0;
  return uid === 0 ? { uid: 65534, gid: 65534 } : { uid, gid: process.getgid?.() ?? uid };
}

/** The dovecot.conf of one throw-away server: plain-text login, one static user, Maildir. */
function configText(root: string, port: number, password: string): string {
  const { uid, gid } = mailOwner();
  const me = os.userInfo().username;
  // As root, dovecot drops its login and internal processes to its own users; as anyone else it
  // can only run them as that user.
  const users = process.getuid?.() === 0 ? '' : `default_internal_user = ${me}\ndefault_login_user = ${me}\n`;
  return `
base_dir = ${root}/run
state_dir = ${root}/state
instance_name = handoff-test-${port}
log_path = ${root}/dovecot.log
info_log_path = ${root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${root}/mail/%u
${users}passdb {
  driver = static
  args = password=${password}
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${root}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`;
}

/**
 * Starts Debian's dovecot in the foreground (`dovecot -F -c <config>`) on a free port with its
 * own folder, config and Maildir, and a user `support` whose password is the one given. Fails
 * with the install command when dovecot is missing, so a test never passes without it.
 */
export async function startImapServer(
  options: { user?: string; password?: string } = {},
): Promise<ImapServer> {
  if (!fs.existsSync(DOVECOT)) {
    throw new Error(
      `dovecot is not installed (${DOVECOT} is missing): run \`apt-get install -y dovecot-imapd\` as root`,
    );
  }
  const user = options.user ?? 'support';
  const password = options.password ?? 'imap-test-secret';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-imap-'));
  for (const dir of ['run', 'state', 'mail', 'home']) fs.mkdirSync(path.join(root, dir));
  const owner = mailOwner();
  for (const dir of ['mail', 'home']) fs.chownSync(path.join(root, dir), owner.uid, owner.gid);
  fs.chmodSync(root, 0o755);
  const port = await freePort();
  const config = path.join(root, 'dovecot.conf');
  fs.writeFileSync(config, configText(root, port, password));
  const child = spawn(DOVECOT, ['-F', '-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const log = (): string => {
    const file = path.join(root, 'dovecot.log');
    return output + (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
  };
  try {
    await waitForPort(port, child, log);
  } catch (error) {
    child.kill('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    url: `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
