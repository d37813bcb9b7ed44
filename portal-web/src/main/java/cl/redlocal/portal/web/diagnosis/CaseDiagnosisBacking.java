package cl.redlocal.portal.web.diagnosis;

import cl.redlocal.portal.diagnosis.boundary.DiagnosisService;
import cl.redlocal.portal.diagnosis.boundary.DiagnosisVersion;
import cl.redlocal.portal.diagnosis.boundary.DiagnosisView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The case page's section on the common diagnosis: read once per view, when the section first asks. */
@Named
@ViewScoped
public class CaseDiagnosisBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DiagnosisService diagnoses;

    private Long caseId;
    private DiagnosisView current;
    private List<DiagnosisVersion> versions;

    private void load(Long id) {
        if (id != null && !id.equals(caseId)) {
            caseId = id;
            current = diagnoses.current(id).orElse(null);
            versions = diagnoses.versions(id);
        }
    }

    public DiagnosisView current(Long id) {
        load(id);
        return current;
    }

    public List<DiagnosisVersion> versions(Long id) {
        load(id);
        return versions == null ? List.of() : versions;
    }
}
