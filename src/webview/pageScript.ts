// The one script of the entry and comparison pages, bundled to
// dist/webview/page.js and loaded under the page's nonce. It posts typed
// messages to the extension and never opens anything itself; it reads what it
// needs from data-* attributes, never from inline script.
import type { PageMessage, PageState, WebviewMessage } from '../core/messages';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PageState | undefined;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const entryId = document.body.dataset.entryId;

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function act(button: Element): void {
  const action = button.getAttribute('data-action');
  const figure = Number(button.getAttribute('data-figure'));
  switch (action) {
    case 'openEntry': {
      const id = button.getAttribute('data-entry') ?? '';
      post(button.hasAttribute('data-figure') ? { type: 'openEntry', id, figure } : { type: 'openEntry', id });
      return;
    }
    case 'copyFigure':
      post({ type: 'copyFigure', figure });
      return;
    case 'openUse':
      post({ type: 'openUse', use: Number(button.getAttribute('data-use')) });
      return;
    case 'showFigure':
      // A row of the figure history shows its card; nothing leaves the page.
      if (Number.isInteger(figure)) highlight(figure);
      return;
    case 'openRepository':
    case 'cloneRepository':
    case 'copyLink':
    case 'useUpstreamIndex':
      post({ type: action });
      return;
  }
}

// Links open only through the extension, which checks them.
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const link = target?.closest('a[href]');
  if (link) {
    event.preventDefault();
    post({ type: 'openLink', url: link.getAttribute('href') ?? '' });
    return;
  }
  const button = target?.closest('[data-action]');
  if (button) act(button);
});

/** The chart marks (bars, roofline points), in the order they are drawn. */
function chartButtons(): (HTMLElement | SVGElement)[] {
  return Array.from(document.querySelectorAll<HTMLElement | SVGElement>('svg [role="button"][data-action]'));
}

// In a chart, the arrow keys move between its marks (Home and End to the first and last), as in a list.
document.addEventListener('keydown', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const mark = target?.closest('svg [role="button"][data-action]');
  if (!mark) return;
  const marks = chartButtons().filter((m) => m.closest('svg') === mark.closest('svg'));
  const at = marks.indexOf(mark as SVGElement);
  const next =
    event.key === 'ArrowDown' || event.key === 'ArrowRight'
      ? marks[Math.min(at + 1, marks.length - 1)]
      : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
        ? marks[Math.max(at - 1, 0)]
        : event.key === 'Home'
          ? marks[0]
          : event.key === 'End'
            ? marks[marks.length - 1]
            : undefined;
  if (!next) return;
  event.preventDefault();
  next.focus();
});

/** Tells a screen reader what changed on the page, through its live region. */
function announce(text: string): void {
  const region = document.getElementById('announce');
  if (region) region.textContent = text;
}

// Elements that act as buttons without being one (the bars of a chart)
// answer Enter and Space as a button does.
document.addEventListener('keydown', (event) => {
  if ((event.key !== 'Enter' && event.key !== ' ') || event.repeat) return;
  const target = event.target instanceof Element ? event.target : null;
  const button = target?.closest('[data-action][role="button"]');
  if (!button) return;
  event.preventDefault();
  act(button);
});

function highlight(index: number): void {
  document.querySelectorAll('.card.highlight').forEach((c) => c.classList.remove('highlight'));
  const card = document.getElementById(`figure-${index}`);
  if (!card) return;
  card.classList.add('highlight');
  card.scrollIntoView({ block: 'center' });
  card.focus({ preventScroll: true });
  // The card's name is in the display language already.
  announce(card.getAttribute('aria-label') ?? '');
}

window.addEventListener('message', (event: MessageEvent<PageMessage>) => {
  // Only the extension posts to this window; still, act on known shapes only.
  const message = event.data;
  if (message?.type === 'highlightFigure' && Number.isInteger(message.figure)) highlight(message.figure);
});

// Remember where the reader was, so a reloaded window comes back there.
// The workbench lays the webview out (and may resize it) after this script
// runs, which can reset the scroll position: keep restoring it until the
// page has settled or the reader scrolls.
const state = vscode.getState();
const initial = document.body.dataset.highlight;
let target = state?.entryId === entryId && typeof state?.scrollY === 'number' ? state.scrollY : 0;
let restoring = initial === undefined && target > 0;
const restore = () => {
  if (restoring && Math.abs(window.scrollY - target) > 1) window.scrollTo(0, target);
};
const stopRestoring = () => {
  restoring = false;
};
// A page drawn again (a newer index, say) says what changed. The live region
// is empty when the page loads; a screen reader speaks what is put in it after.
const news = document.body.dataset.announce;
if (news) window.setTimeout(() => announce(news), 400);
if (initial !== undefined) {
  highlight(Number(initial));
} else if (restoring) {
  restore();
  window.addEventListener('load', restore);
  window.addEventListener('resize', restore);
  for (const type of ['wheel', 'keydown', 'mousedown', 'touchstart']) window.addEventListener(type, stopRestoring, { once: true });
  window.setTimeout(stopRestoring, 3000);
}
let pending = 0;
window.addEventListener('scroll', () => {
  if (restoring) {
    restore();
    return;
  }
  if (pending) return;
  pending = window.setTimeout(() => {
    pending = 0;
    target = window.scrollY;
    vscode.setState({ entryId, scrollY: target });
  }, 150);
});
vscode.setState({ entryId, scrollY: target });
