// One imported resource → the YAML file authors would have written: the schema modeline (editors
// autocomplete and validate from it), a line saying where it came from, then the document. Pure.
import { posix } from 'node:path';
import { Document, isScalar, isSeq, visit } from 'yaml';
import { SCHEMA_FILES } from '../generated/index.js';
import type { ImportedResource } from '../import/to-resources.js';

export function renderImported(r: ImportedResource, file: string, origin: string): string {
  const schema = posix.relative(posix.dirname(file), `schemas/${SCHEMA_FILES[r.kind]}`);
  const doc = new Document(r.document);
  // Coordinates and other lists of numbers read better on one line.
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node) && node.items.length > 0 && node.items.every((i) => isScalar(i) && typeof i.value === 'number')) node.flow = true;
    },
  });
  const managed = r.managed ? 'managed by promoc' : 'not managed by promoc yet: the next apply adopts it (writes the ownership marker, nothing else)';
  return `# yaml-language-server: $schema=${schema}\n# Imported by \`promoc import\` from ${origin}; ${managed}.\n${doc.toString({ lineWidth: 0 })}`;
}
