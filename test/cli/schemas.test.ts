import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaDir } from '../../cli/commands/validate';

describe('shipped REFI-QDA schemas', () => {
  it('are vendored in the repository and are the ones qda validate uses', () => {
    const shipped = resolve(__dirname, '../../cli/schemas');
    expect(schemaDir()).toBe(shipped);
    for (const name of ['Project.xsd', 'Codebook.xsd']) expect(existsSync(resolve(shipped, name)), name).toBe(true);
  });
});
