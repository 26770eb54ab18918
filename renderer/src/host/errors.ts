/**
 * Thrown by Host.writeFile when the desktop app will not overwrite that path without asking:
 * it was not chosen in a dialog since the app started (e.g. a project reopened from an
 * earlier session). Ask with Host.saveFile instead.
 */
export class SaveAsRequired extends Error {
  override readonly name = 'SaveAsRequired';
}
