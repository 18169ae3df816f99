// The only script Chorus has, and every page works without it. "Leave this site" replaces
// the current page in the tab's history instead of adding to it, so the Back button does
// not bring this page back; pressing Shift three times in a row (within a second and a
// half, never while typing in a field) does the same, as GOV.UK's "Exit this page" does.
'use strict';
(function () {
  function leave(link) {
    window.location.replace(link.href);
  }
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a.quick-exit') : null;
    if (!link) {
      return;
    }
    event.preventDefault();
    leave(link);
  });

  var presses = [];
  function typing(target) {
    if (!target || !target.tagName) {
      return false;
    }
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
  }
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Shift' || event.repeat || typing(event.target)) {
      presses = [];
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1500; });
    presses.push(now);
    if (presses.length >= 3) {
      var link = document.querySelector('a.quick-exit');
      if (link) {
        leave(link);
      }
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    var hint = document.querySelector('.exit-shortcut');
    if (hint) {
      hint.hidden = false;
    }
  });
})();
