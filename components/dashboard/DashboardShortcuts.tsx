import { useId } from 'preact/hooks';
import { DashboardDialog } from './DashboardDialog';

/** The list's keys (DashboardList) and the page's, as the README's table lists them. */
export const SHORTCUTS: readonly (readonly [keys: string, where: string, what: string])[] = [
  ['?', 'anywhere but a text field', 'show these shortcuts'],
  ['/', 'anywhere but a text field', 'jump to the search box'],
  ['↓ ↑ or j k', 'a row of the list', 'next / previous row'],
  ['Page Down, Page Up', 'a row', 'ten rows down / up'],
  ['Home, End', 'a row', 'first / last row'],
  ['Space', 'a highlight', 'select or unselect it'],
  ['Shift+Space', 'a highlight', 'select every highlight from the last one selected to this one'],
  ['Space or Enter', 'a group header', 'fold / unfold the group'],
  ['Enter', 'a highlight', 'edit it inline'],
  ['Escape', 'a row', 'close its editor, else clear the selection'],
  ['Delete', 'a highlight', 'delete it, or the whole selection if it is selected (with Undo)'],
  ['Ctrl+A (⌘+A)', 'a row', 'select every result of the search and filters'],
  ['Ctrl+Z (⌘+Z)', 'anywhere but a text field, while “Deleted …” shows', 'undo the deletion'],
];

/** The `Keyboard shortcuts` dialog (the button in the header, or `?`). */
export function DashboardShortcuts({ onClose }: { onClose: () => void }) {
  const headingId = useId();
  return (
    <DashboardDialog labelledBy={headingId} onClose={onClose}>
      <h2 id={headingId}>Keyboard shortcuts</h2>
      <p class="dash-muted">
        The list is one Tab stop: Tab into it (or use Skip to results), then move between rows with these
        keys.
      </p>
      <table class="dash-shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Where</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([keys, where, what]) => (
            <tr key={keys + where}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{where}</td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="dash-form-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </DashboardDialog>
  );
}
