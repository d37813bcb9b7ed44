package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.minutes.boundary.AgreementRow;
import cl.redlocal.portal.mgc.minutes.boundary.AgreementService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The case page's section: the table's agreements that concern the case (read once per view). */
@Named
@ViewScoped
public class CaseAgreementsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AgreementService agreements;

    private Long caseId;
    private List<AgreementRow> rows;

    public List<AgreementRow> rows(Long id) {
        jakarta.faces.context.ExternalContext external = jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext();
        if (id == null || !(external.isUserInRole("COFACILITADOR") || external.isUserInRole("PROFESIONAL"))) {
            return List.of();
        }
        if (rows == null || !id.equals(caseId)) {
            caseId = id;
            rows = agreements.forCase(id);
        }
        return rows;
    }
}
