/** Every shortcut of the popup, in the order an agent meets them. Loaded when the agent opens the list. */
const SHORTCUTS: [keys: string, what: string][] = [
  ['Tab, Shift+Tab', 'Next or previous control, in reading order'],
  ['Enter in a customer field', 'Send OTP; while Session ID is empty, start the session (or send the first-factor OTP)'],
  ['Enter in an OTP field', 'Validate it (focus moves there once the code is sent)'],
  ['Escape', 'Close the popup'],
  ['Alt+Shift+M', 'Open the side panel'],
];

export function Shortcuts() {
  return (
    <dl class="shortcuts">
      {SHORTCUTS.map(([keys, what]) => (
        <div key={keys}>
          <dt>
            <kbd>{keys}</kbd>
          </dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}
