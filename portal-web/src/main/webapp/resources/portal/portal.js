/*
 * Behaviour every page shares. Under the portal's CSP, PrimeFaces moves inline handlers into one nonce'd
 * script per page, so a translated text placed inside a handler (an apostrophe in "session's") ends that
 * script's string and breaks every handler of the page. Texts therefore never go into JavaScript: a button
 * or link that needs a confirmation carries it in data-confirm (HTML-escaped by Faces like any attribute),
 * and this listener asks before the element's own handlers run.
 */
(function () {
    'use strict';
    document.addEventListener('click', function (event) {
        var target = event.target instanceof Element ? event.target.closest('[data-confirm]') : null;
        if (target && !window.confirm(target.getAttribute('data-confirm'))) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);
})();
