// What findings repeat, held once per lint run (see SharedParts).
import type { DocPath, RelatedLocation } from '../model/diagnostic.js';
import { flatString } from './message.js';

/**
 * Parts that many findings repeat, held once per run: findings live until the report is printed. On the bench
 * repository 27,443 related locations are 1,652 distinct ones (the same winner goes first in many places), and
 * the data's windows and ranks repeat by the thousand. Equal parts are the same object or string; nothing
 * changes them afterwards (diagnostics are read-only data).
 */
export class SharedParts {
  private readonly strings = new Map<string, string>();
  private readonly related = new Map<string, RelatedLocation>();

  string(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    flatString(s);
    this.strings.set(s, s);
    return s;
  }

  relatedLocation(file: string, docIndex: number, path: DocPath, message: string): RelatedLocation {
    // JSON keeps a path's numbers apart from strings of the same digits (a sequence index is not a key).
    const key = `${file}\0${docIndex}\0${JSON.stringify(path)}\0${message}`;
    let r = this.related.get(key);
    if (r === undefined) {
      r = { file, docIndex, path, message: flatString(message) };
      this.related.set(key, r);
    }
    return r;
  }
}
