package cl.redlocal.portal.web.mgc.network;

import cl.redlocal.portal.mgc.network.boundary.ActorLink;
import cl.redlocal.portal.web.platform.ChartJs;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.util.List;
import java.util.function.Function;

/** The actor map's chart through the portal's Chart.js builder: per pair of actors, shared protocols and referrals. */
final class NetworkCharts {

    /** More pairs than this make an unreadable bar chart; the table below it lists them all. */
    static final int MAX_PAIRS = 15;

    private NetworkCharts() {
    }

    static String links(List<ActorLink> links, Function<String, String> text) {
        List<ActorLink> shown = links.stream().limit(MAX_PAIRS).toList();
        JsonArrayBuilder labels = Json.createArrayBuilder();
        shown.forEach(l -> labels.add(l.aName() + " – " + l.bName()));
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(ChartJs.dataset(text.apply("net.actors.links.protocols"), shown, ActorLink::protocols, 0))
                .add(ChartJs.dataset(text.apply("net.actors.links.referrals"), shown, ActorLink::referrals, 1));
        return ChartJs.bar(labels, datasets, text.apply("net.actors.links.chart"));
    }
}
