// jsdom has no `document.fonts`, which Mantine's autosizing Textarea (ConfirmDialog's reason) listens to.
// Import this file first in a spec that renders one.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener: () => undefined, removeEventListener: () => undefined } });
}
