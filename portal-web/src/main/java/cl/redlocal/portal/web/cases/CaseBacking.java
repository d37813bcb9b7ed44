package cl.redlocal.portal.web.cases;

import cl.redlocal.portal.cases.boundary.CaseService;
import cl.redlocal.portal.cases.boundary.CaseSummary;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** A case page. The id comes from the URL; the service decides whether the caller may see it. */
@Named
@ViewScoped
public class CaseBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseService cases;

    private Long id;
    private CaseSummary summary;
    private boolean loaded;

    /** f:viewAction */
    public void load() {
        summary = id == null ? null : cases.find(id).orElse(null);
        loaded = true;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public CaseSummary getSummary() {
        return summary;
    }

    public boolean isLoaded() {
        return loaded;
    }
}
