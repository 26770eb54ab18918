import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaDir } from '../../cli/commands/validate';

describe('shipped REFI-QDA schemas', () => {
  it('are the official files, unchanged, and the ones qda validate uses', () => {
    const shipped = resolve(__dirname, '../../cli/schemas');
    expect(schemaDir()).toBe(shipped);
    for (const name of ['Project.xsd', 'Codebook.xsd'])
      expect(readFileSync(resolve(shipped, name))).toEqual(readFileSync(resolve(__dirname, '../../../shared/refi-qda/schema', name)));
  });
});
