// The only script Chorus has, and every page works without it. "Leave this site" replaces
// the current page in the tab's history instead of adding to it, so the Back button does
// not bring this page back.
'use strict';
document.addEventListener('click', function (event) {
  var link = event.target && event.target.closest ? event.target.closest('a.quick-exit') : null;
  if (!link) {
    return;
  }
  event.preventDefault();
  window.location.replace(link.href);
});
