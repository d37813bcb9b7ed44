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

    public List<TerritoryCount> getRows() {
        if (rows == null) {
            rows = alerts.territory();
        }
        return rows;
    }
}
