package cl.redlocal.portal.web.cases;

import cl.redlocal.portal.cases.boundary.CaseRow;
import cl.redlocal.portal.cases.boundary.CaseService;
import cl.redlocal.portal.web.platform.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** The open cases a case worker may see, code and initials only, paged in SQL. */
@Named
@ViewScoped
public class MyCasesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseService cases;

    private PagedModel<CaseRow> model;

    @PostConstruct
    void init() {
        model = new PagedModel<>(() -> cases.countOpenCases(), page -> cases.openCases(page), CaseRow::id);
    }

    public PagedModel<CaseRow> getModel() {
        return model;
    }
}
