/*
 * The offer map (offer/map.xhtml). Under the portal's CSP there is no inline script: the page passes
 * everything in data-* attributes of #offerMap and of the marker holder that ajax filters re-render.
 * Without tiles (portal.offer.map.tile-url empty, or no internet) the markers stand on a plain background.
 */
(function () {
    'use strict';

    var COLOURS = {
        AVAILABLE: '#2e7d32',
        FULL_WITH_WAITING_LIST: '#c62828',
        FULL: '#ef6c00',
        INACTIVE: '#757575'
    };
    // Chile, for a comuna none of whose places has coordinates yet
    var FALLBACK_VIEW = {center: [-33.45, -70.66], zoom: 11};

    var map;
    var layer;
    var element;
    var labels;
    var drawn;

    function init() {
        element = document.getElementById('offerMap');
        if (!element || typeof L === 'undefined') {
            return;
        }
        labels = JSON.parse(element.getAttribute('data-labels') || '{}');
        map = L.map(element, {scrollWheelZoom: false});
        map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
        var tiles = element.getAttribute('data-tile-url');
        if (tiles) {
            L.tileLayer(tiles, {maxZoom: 19, attribution: element.getAttribute('data-attribution') || ''}).addTo(map);
        } else {
            element.classList.add('offer-map-plain');
        }
        layer = L.featureGroup().addTo(map);
        draw();
        if (window.jQuery) {
            // the filters re-render the marker holder by ajax: redraw then
            window.jQuery(document).on('pfAjaxComplete', draw);
        }
    }

    function draw() {
        var holder = document.getElementById(element.getAttribute('data-markers-from'));
        var raw = holder ? holder.getAttribute('data-markers') || '[]' : '[]';
        if (raw === drawn) {
            return; // an ajax request that left the markers alone (sorting the list): keep the person's view
        }
        drawn = raw;
        var markers = JSON.parse(raw);
        layer.clearLayers();
        markers.forEach(function (m) {
            L.circleMarker([m.lat, m.lng], {
                radius: 9,
                color: '#ffffff',
                weight: 2,
                fillColor: COLOURS[m.availability] || COLOURS.INACTIVE,
                fillOpacity: 0.95,
                className: 'offer-marker offer-marker-' + m.availability
            }).bindPopup(popup(m)).bindTooltip(m.acronym).addTo(layer);
        });
        element.setAttribute('data-marker-count', String(markers.length));
        if (markers.length > 0) {
            map.fitBounds(layer.getBounds(), {padding: [30, 30], maxZoom: 16});
        } else {
            map.setView(FALLBACK_VIEW.center, FALLBACK_VIEW.zoom);
        }
    }

    /** The popup as DOM nodes: program texts are never parsed as HTML. */
    function popup(m) {
        var box = document.createElement('div');
        box.className = 'map-popup';
        add(box, 'strong', m.acronym);
        add(box, 'div', m.name);
        if (m.place || m.address) {
            add(box, 'div', [m.place, m.address].filter(Boolean).join(' · ')).className = 'hint';
        }
        add(box, 'div', (labels.availability || {})[m.availability] || m.availability).className = 'popup-status';
        add(box, 'div', labels.vacancies + ': ' + m.vacancies);
        add(box, 'div', labels.waiting + ': ' + m.waiting);
        var link = add(box, 'a', labels.detail);
        link.href = element.getAttribute('data-program-url') + encodeURIComponent(m.programId);
        return box;
    }

    function add(parent, tag, text) {
        var node = document.createElement(tag);
        node.textContent = text;
        parent.appendChild(node);
        return node;
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
