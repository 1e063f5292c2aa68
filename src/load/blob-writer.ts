// The validation cache's new blobs (summary and documents JSON) encoded as they are made: a run that checks
// every file holds megabytes of bytes outside the JS heap instead of strings the garbage collector copies until
// the save, and the save writes them without measuring and joining the strings again.
const CHUNK = 1 << 20;

export class BlobWriter {
  private readonly chunks: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(0);
  private used = 0;
  /** Bytes written so far: the offset of the next write. */
  length = 0;

  /** Appends `text` as UTF-8; returns its byte length. */
  write(text: string): number {
    // A UTF-8 encoding takes at most 3 bytes per UTF-16 unit, so a string with that much room fits whole.
    if (this.chunk.length - this.used < text.length * 3) {
      this.seal();
      this.chunk = Buffer.allocUnsafe(Math.max(CHUNK, text.length * 3));
    }
    const n = this.chunk.write(text, this.used, 'utf8');
    this.used += n;
    this.length += n;
    return n;
  }

  /** Everything written, in order. */
  bytes(): Buffer {
    this.seal();
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
  }

  private seal(): void {
    if (this.used > 0) this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = this.chunk.subarray(this.used);
    this.used = 0;
  }
}
