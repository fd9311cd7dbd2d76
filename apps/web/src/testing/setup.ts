import '@testing-library/jest-dom/vitest';
import { notifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { configureApiClient } from '../lib/api-client';

configureApiClient();

// Console pages are lazy chunks: their first import in a cold run on a busy machine can outlast the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

// Browsers resolve a relative Request URL against the page; Node's Request (which jsdom leaves in
// place) throws instead. Resolve it as a browser would, so the client runs with its real baseUrl ''.
const NodeRequest = globalThis.Request;
globalThis.Request = class extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, window.location.href) : input, init);
  }
};

// jsdom has no `document.fonts`, which Mantine's autosizing Textarea (e.g. a ConfirmDialog's reason) listens to.
Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener: () => undefined, removeEventListener: () => undefined } });

// No console errors: React's warnings (duplicate keys, act(), bad props) fail the test that caused them.
let consoleErrors: unknown[][] = [];
beforeEach(() => {
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void consoleErrors.push(args));
});

// Without vitest globals, Testing Library cannot register its own cleanup.
afterEach(() => {
  expect(consoleErrors, 'console.error was called').toEqual([]);
  cleanup();
  // Each test is a fresh tab: no toast (Mantine keeps them in a module-level store) and no realm hint left over.
  notifications.clean();
  window.localStorage.clear();
  window.sessionStorage.clear();
});

// jsdom lacks the layout APIs Mantine reads.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: vi.fn((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  })),
});
window.ResizeObserver = class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
