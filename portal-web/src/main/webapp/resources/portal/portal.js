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

/*
 * Accessibility repairs of PrimeFaces' markup (issue 16, WCAG 2.1 AA), on load and after every ajax update:
 * a date picker's calendar button gets a name ("Abrir calendario", from the body's data attribute, so no
 * text is in this script), and a control hidden from assistive technology (the file input behind the
 * upload button) leaves the tab order, where the visible button already stands for it.
 */
(function () {
    'use strict';
    function repair(root) {
        var label = document.body.getAttribute('data-datepicker-label');
        root.querySelectorAll('button.ui-datepicker-trigger:not([aria-label])').forEach(function (b) {
            if (label) {
                b.setAttribute('aria-label', label);
                b.setAttribute('title', label);
            }
        });
        root.querySelectorAll('[aria-hidden="true"] input, [aria-hidden="true"] button, input[aria-hidden="true"]')
            .forEach(function (e) {
                e.setAttribute('tabindex', '-1');
            });
    }
    function start() {
        repair(document);
        new MutationObserver(function (changes) {
            changes.forEach(function (c) {
                c.addedNodes.forEach(function (n) {
                    if (n instanceof Element) {
                        repair(n.parentElement || n);
                    }
                });
            });
        }).observe(document.body, {childList: true, subtree: true});
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
