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

  // Work that runs in the background (a manual payment run, a CSV upload): follow its progress in the page's live
  // region, and show the full result once it is done when the page asks for that.
  var work = document.querySelector('[data-progress-url][data-active="true"]');
  if (work) {
    var url = work.getAttribute('data-progress-url');
    var text = work.querySelector('[data-progress-text]');
    var timer = window.setInterval(function () {
      window.fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
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
            work.setAttribute('data-active', 'false');
            if (work.hasAttribute('data-reload-when-done')) {
              window.location.reload();
            }
          }
        })
        .catch(function () { /* the next tick tries again */ });
    }, 2000);
  }

  // An idle session ends after data-idle-minutes. Two minutes before (or halfway, for short timeouts) a warning
  // with one button keeps it; any request to the server slides the session on (WCAG 2.2.1 Timing Adjustable).
  var idleMinutes = parseInt(document.body.getAttribute('data-idle-minutes') || '', 10);
  var warning = document.getElementById('sessie-waarschuwing');
  if (idleMinutes > 0 && warning) {
    var idleMs = idleMinutes * 60000;
    var warnAfter = Math.max(idleMs - 120000, idleMs / 2);
    var keep = warning.querySelector('[data-session-keep]');
    var sessionText = warning.querySelector('[data-session-text]');
    var login = warning.querySelector('[data-session-login]');
    var warnTimer = 0;
    var endTimer = 0;
    var schedule = function () {
      window.clearTimeout(warnTimer);
      window.clearTimeout(endTimer);
      warnTimer = window.setTimeout(function () {
        warning.hidden = false;
        keep.focus();
      }, warnAfter);
      endTimer = window.setTimeout(function () {
        sessionText.textContent = 'U bent uitgelogd omdat u een tijd niets hebt gedaan.';
        keep.hidden = true;
        login.hidden = false;
        warning.hidden = false;
        login.focus();
      }, idleMs);
    };
    keep.addEventListener('click', function () {
      window.fetch('/account/sessie', { credentials: 'same-origin', redirect: 'manual' })
        .then(function (response) {
          if (response.status === 204) {
            warning.hidden = true;
            schedule();
          } else {
            sessionText.textContent = 'Uw sessie is al beëindigd. Log opnieuw in.';
            keep.hidden = true;
            login.hidden = false;
            login.focus();
          }
        });
    });
    schedule();
  }
})();
