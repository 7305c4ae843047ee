// What the integration run saw before any test ran, recorded by index.ts, so
// that no test depends on the order the test files run in.
export const startState = {
  /** Whether the extension was already active when the tests began. */
  extensionActive: undefined as boolean | undefined,
};
