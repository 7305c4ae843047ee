// Entry panel script, loaded from media/ under the page's nonce. It posts
// typed messages to the extension; it never opens anything itself.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const entryId = document.body.dataset.entryId;

  // Links open only through the extension, which checks them.
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target && target.closest('a[href]');
    if (link) {
      event.preventDefault();
      vscode.postMessage({ type: 'openLink', url: link.getAttribute('href') });
      return;
    }
    const button = target && target.closest('[data-action]');
    if (button) act(button);
  });

  // Elements that act as buttons without being one (the bars of a chart)
  // answer Enter and Space as a button does.
  document.addEventListener('keydown', (event) => {
    if ((event.key !== 'Enter' && event.key !== ' ') || event.repeat) return;
    const target = event.target instanceof Element ? event.target : null;
    const button = target && target.closest('[data-action][role="button"]');
    if (!button) return;
    event.preventDefault();
    act(button);
  });

  function act(button) {
    const action = button.getAttribute('data-action');
    if (action === 'openEntry') {
      const message = { type: 'openEntry', id: button.getAttribute('data-entry') };
      if (button.hasAttribute('data-figure')) message.figure = Number(button.getAttribute('data-figure'));
      vscode.postMessage(message);
    } else if (action === 'copyFigure') {
      vscode.postMessage({ type: 'copyFigure', figure: Number(button.getAttribute('data-figure')) });
    } else {
      vscode.postMessage({ type: action });
    }
  }

  function highlight(index) {
    document.querySelectorAll('.card.highlight').forEach((c) => c.classList.remove('highlight'));
    const card = document.getElementById('figure-' + index);
    if (!card) return;
    card.classList.add('highlight');
    card.scrollIntoView({ block: 'center' });
    card.focus({ preventScroll: true });
  }

  // Remember where the reader was, so a reloaded window comes back there.
  // The workbench lays the webview out (and may resize it) after this script
  // runs, which can reset the scroll position: keep restoring it until the
  // page has settled or the reader scrolls.
  const state = vscode.getState();
  const initial = document.body.dataset.highlight;
  let target = state && state.entryId === entryId && typeof state.scrollY === 'number' ? state.scrollY : 0;
  let restoring = initial === undefined && target > 0;
  const restore = () => {
    if (restoring && Math.abs(window.scrollY - target) > 1) window.scrollTo(0, target);
  };
  const stopRestoring = () => {
    restoring = false;
  };
  if (initial !== undefined) {
    highlight(Number(initial));
  } else if (restoring) {
    restore();
    window.addEventListener('load', restore);
    window.addEventListener('resize', restore);
    ['wheel', 'keydown', 'mousedown', 'touchstart'].forEach((type) => window.addEventListener(type, stopRestoring, { once: true }));
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
})();
