import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../interop/shared';

describe('vendored REFI-QDA schemas', () => {
  it('are the official files, byte for byte', () => {
    for (const name of ['Project.xsd', 'Codebook.xsd'])
      expect(readFileSync(resolve(__dirname, '../../cli/schemas', name)), name).toEqual(readFileSync(sharedPath('refi-qda/schema', name)));
  });
});
