package cl.redlocal.portal.web.alerts;

import cl.redlocal.portal.alert.boundary.AlertService;
import cl.redlocal.portal.alert.boundary.TerritoryCount;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Alert counts per comuna, kind and severity for the territorial manager: no identities. */
@Named
@ViewScoped
public class TerritoryAlertsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AlertService alerts;

    private List<TerritoryCount> rows;

    @Inject
    cl.redlocal.portal.web.platform.Messages messages;

    /** Chart.js (stacked bars): the alerts still open (open or acknowledged) per comuna and severity. */
    public String getChart() {
        if (chart == null) {
            chart = chart();
        }
        return chart;
    }

    private String chart;

    private String chart() {
        java.util.Map<String, java.util.Map<String, Long>> bySeverity = new java.util.LinkedHashMap<>();
        java.util.List<String> comunas = new java.util.ArrayList<>();
        for (TerritoryCount t : getRows()) {
            if (!comunas.contains(t.comuna())) {
                comunas.add(t.comuna());
            }
            bySeverity.computeIfAbsent(t.severity(), k -> new java.util.HashMap<>())
                    .merge(t.comuna(), t.open() + t.acknowledged(), Long::sum);
        }
        jakarta.json.JsonArrayBuilder datasets = jakarta.json.Json.createArrayBuilder();
        String[][] severities = {{"HIGH", "#b3261e"}, {"MEDIUM", "#e8a33d"}, {"LOW", "#9db4c8"}};
        for (String[] severity : severities) {
            jakarta.json.JsonArrayBuilder data = jakarta.json.Json.createArrayBuilder();
            comunas.forEach(c -> data.add(bySeverity.getOrDefault(severity[0], java.util.Map.of()).getOrDefault(c, 0L)));
            datasets.add(jakarta.json.Json.createObjectBuilder().add("label", messages.text("alert.severity." + severity[0]))
                    .add("data", data).add("backgroundColor", severity[1]));
        }
        jakarta.json.JsonArrayBuilder labels = jakarta.json.Json.createArrayBuilder();
        comunas.forEach(labels::add);
        jakarta.json.JsonObjectBuilder stacked = jakarta.json.Json.createObjectBuilder().add("stacked", true);
        return cl.redlocal.portal.web.platform.ChartJs.config("bar", labels, datasets,
                cl.redlocal.portal.web.platform.ChartJs.options(jakarta.json.Json.createObjectBuilder().add("x", stacked)
                        .add("y", jakarta.json.Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                .add("title", cl.redlocal.portal.web.platform.ChartJs.title(
                                        messages.text("alerts.territory.chart")))), null));
    }

    public List<TerritoryCount> getRows() {
        if (rows == null) {
            rows = alerts.territory();
        }
        return rows;
    }
}
