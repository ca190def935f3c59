// Injected by `broadsheet serve` into the pages it serves (never into what `build` publishes). It listens to
// the server's build announcements and reloads this tab when the file it shows changed, swaps stylesheets
// in place when only CSS changed, and reloads when a build fails or recovers so the error page comes and goes.
(function () {
  'use strict';
  var me = document.currentScript;
  var instance = me.getAttribute('data-instance');
  var generation = Number(me.getAttribute('data-generation'));
  var failed = me.getAttribute('data-failed') === 'true';

  function fileOf(pathname) {
    var path;
    try {
      path = decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch (e) {
      return pathname;
    }
    return path === '' || path.charAt(path.length - 1) === '/' ? path + 'index.html' : path;
  }

  var shown = fileOf(location.pathname);

  function refreshStylesheets(changed) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href, location.href);
      if (url.origin === location.origin && changed.indexOf(fileOf(url.pathname)) >= 0) {
        url.searchParams.set('broadsheet-build', String(generation));
        links[i].href = url.pathname + url.search;
      }
    }
  }

  var source = new EventSource('/__broadsheet/live');
  source.addEventListener('build', function (event) {
    var build = JSON.parse(event.data);
    if (build.instance !== instance) {
      location.reload(); // the server was restarted: its builds count from one again
      return;
    }
    if (build.generation <= generation) {
      return; // this page already shows that build (the stream repeats the latest on every connect)
    }
    generation = build.generation;
    if (build.failed || failed || build.everything) {
      location.reload();
      return;
    }
    var changed = build.changed;
    if (changed.indexOf(shown) >= 0) {
      location.reload();
      return;
    }
    refreshStylesheets(changed.filter(function (path) { return /\.css$/.test(path); }));
  });
}());
