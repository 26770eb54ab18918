/**
 * The last project could not be opened at start (a newer version's database, damage, a full
 * disk): say which project and why, and offer what can help. Shown instead of the views;
 * the app never opens the demo in its place as if nothing happened.
 */
import { useState } from 'react';
import { openQdpx } from './project-files';
import { readWhatCan, rescueFile } from './rescue';
import type { OpenFailure as Failure } from './session';
import { useServices } from './services';
import { attempt, toast } from './toast';

export function OpenFailure({ failure }: { failure: Failure }) {
  const services = useServices();
  const { session, host, env } = services;
  const [busy, setBusy] = useState<string | null>(null);
  const run = (label: string, action: () => Promise<unknown>) =>
    attempt(async () => {
      setBusy(label);
      try {
        await action();
      } finally {
        setBusy(null);
      }
    });

  const exportReadable = async () => {
    const rescued = await readWhatCan(failure.projectId, env.indexedDB);
    const file = await rescueFile(failure.projectName, rescued);
    const filters = [{ name: file.name.endsWith('.qdpx') ? 'REFI-QDA project' : 'JSON', extensions: [file.name.split('.').pop()!] }];
    const saved = await host.saveFile({ title: 'Export what can be read', suggestedName: file.name, filters, bytes: file.bytes });
    if (saved) toast.info(`Saved ${saved}`);
  };

  return (
    <section className="open-failure" role="alert" aria-labelledby="open-failure-title">
      <h1 id="open-failure-title">Could not open ‘{failure.projectName}’</h1>
      <p className="open-failure-error">{failure.message}</p>
      {failure.retries > 0 && (
        <p className="muted">
          Tried again {failure.retries === 1 ? 'once' : `${failure.retries} times`}; it still fails.
        </p>
      )}
      <p>
        Nothing has been changed or deleted. You can try again (for instance after freeing disk space or closing other Lantern windows),
        save what can still be read to a file, or open a saved copy of the project.
      </p>
      <div className="open-failure-actions">
        <button type="button" className="primary" disabled={!!busy} onClick={() => run('retry', () => session.retry())}>
          {busy === 'retry' ? 'Trying…' : 'Try again'}
        </button>
        <button type="button" disabled={!!busy} onClick={() => run('export', exportReadable)}>
          Export what can be read…
        </button>
        <button type="button" disabled={!!busy} onClick={() => run('backup', () => openQdpx(services))}>
          Open a backup or saved file…
        </button>
      </div>
      <p className="muted open-failure-other">
        Or start elsewhere:{' '}
        <button type="button" className="link-button" disabled={!!busy} onClick={() => run('demo', () => session.openDemo())}>
          open the demo project
        </button>{' '}
        or{' '}
        <button type="button" className="link-button" disabled={!!busy} onClick={() => run('new', () => session.newProject('Untitled project'))}>
          start a new project
        </button>
        . ‘{failure.projectName}’ stays in Recent projects.
      </p>
    </section>
  );
}
