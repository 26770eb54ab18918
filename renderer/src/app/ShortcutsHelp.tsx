/**
 * Keyboard shortcuts help (Ctrl/Cmd+/): read from the same lists the keys are matched
 * against, so it cannot drift from what the keys do.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { keysOf, transcriptKeys, type CommandDecl } from '../../../shared/commands';
import { formatAccelerator } from '../../../shared/keys';
import { allCommands, isMac } from './command-list';

function Section({ title, commands, mac }: { title: string; commands: readonly CommandDecl[]; mac: boolean }) {
  return (
    <section>
      <h3>{title}</h3>
      <table className="shortcuts-table">
        <tbody>
          {commands.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.label}</th>
              <td>
                {keysOf(c).map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{formatAccelerator(k, mac)}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const paletteKey = allCommands.find((c) => c.id === 'commandPalette')!.shortcut!;

export function ShortcutsHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const mac = isMac();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog shortcuts-help" aria-describedby={undefined}>
          <Dialog.Title>Keyboard shortcuts</Dialog.Title>
          <div className="shortcuts-columns">
            <Section title="Everywhere" commands={allCommands.filter((c) => c.shortcut)} mac={mac} />
            <div>
              <Section title="In the transcript" commands={transcriptKeys} mac={mac} />
              <p className="small muted">A code’s own key (set in the codebook) applies it to the selection.</p>
              <p className="small muted">
                Commands without a key are in the command palette (<kbd>{formatAccelerator(paletteKey, mac)}</kbd>).
              </p>
            </div>
          </div>
          <div className="dialog-actions">
            <Dialog.Close className="primary">Close</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
