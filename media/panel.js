// Entry panel script: loaded from media/ with the page's nonce.
(function () {
  'use strict';
})();
