package cl.redlocal.portal.web.privacy;

import cl.redlocal.portal.privacy.boundary.BlockRow;
import cl.redlocal.portal.privacy.boundary.ChildRightsService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The blocks of the comuna's children's records: those in force, then the lifted ones (the history). */
@Named
@ViewScoped
public class BlocksBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ChildRightsService rights;

    private List<BlockRow> rows;

    public void load() {
        rows = rights.blocks();
    }

    public List<BlockRow> getRows() {
        return rows;
    }
}
