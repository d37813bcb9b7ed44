package cl.redlocal.portal.web.mgc.network;

import cl.redlocal.portal.mgc.network.boundary.ProtocolRow;
import cl.redlocal.portal.mgc.network.boundary.ProtocolService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The protocols of the caller's comuna (the territorial manager: of every comuna they support). */
@Named
@ViewScoped
public class ProtocolsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProtocolService protocols;

    private List<ProtocolRow> rows = List.of();

    /** f:viewAction */
    public void load() {
        rows = protocols.list(null);
    }

    public List<ProtocolRow> getRows() {
        return rows;
    }
}
