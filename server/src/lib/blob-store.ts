import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded bytes live, addressed by their SHA-256 (the same content is stored once). Callers see only this
 * interface, so an object store can take the local disk's place.
 */
export interface BlobStore {
  /** Stores the bytes under their hash; storing a hash that is already there does nothing. */
  put(sha256: string, data: Buffer): Promise<void>;
  read(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;

function checkHash(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
  return sha256;
}

/** Blobs on the local disk under `<root>/ab/cd/<sha256>`; a write goes to a temporary file renamed into place, so a reader never sees half a file. */
export class LocalDiskBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    const hash = checkHash(sha256);
    return path.join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  async put(sha256: string, data: Buffer): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return;
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.writeFile(temp, data, { flag: 'wx' });
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  read(sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha256));
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}
