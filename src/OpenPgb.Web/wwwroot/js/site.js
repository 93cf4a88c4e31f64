// OpenPgb: small enhancements on top of pages that work without script.
(function () {
  'use strict';

  // On a small screen the main menu folds behind a "Menu" button, so the page starts near the top.
  var toggle = document.querySelector('.menu-toggle');
  var menu = document.getElementById('hoofdmenu');
  if (toggle && menu && window.matchMedia('(max-width: 40em)').matches) {
    toggle.hidden = false;
    toggle.setAttribute('aria-expanded', 'false');
    menu.classList.add('collapsed');
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
      menu.classList.toggle('collapsed', open);
    });
  }

  // A manual payment run runs in the background: follow its progress in the page's live region.
  var request = document.querySelector('[data-run-request][data-active="true"]');
  if (request) {
    var id = request.getAttribute('data-run-request');
    var text = request.querySelector('[data-testid="run-progress"]');
    var timer = window.setInterval(function () {
      window.fetch('/beheer/betaalruns?handler=Voortgang&id=' + encodeURIComponent(id), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (progress) {
          if (!progress) {
            return;
          }

          if (text.textContent !== progress.tekst) {
            text.textContent = progress.tekst;
          }

          if (progress.klaar) {
            window.clearInterval(timer);
            request.setAttribute('data-active', 'false');
          }
        })
        .catch(function () { /* the next tick tries again */ });
    }, 2000);
  }
})();
