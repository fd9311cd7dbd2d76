// jsdom has no `document.fonts`, which Mantine's autosizing Textarea listens to (the dialog's reason,
// ConfirmDialog's reason). Import this file first in a spec that renders one.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener: () => undefined, removeEventListener: () => undefined } });
}
