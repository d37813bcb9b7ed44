package cl.redlocal.portal.web.waiting;

import cl.redlocal.portal.waiting.boundary.CasePosition;
import cl.redlocal.portal.waiting.boundary.WaitingListService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The case page's section on waiting lists: where the case waits, at which position and why. Read once
 * per view, the first time the section asks (the case id arrives as the include's parameter).
 */
@Named
@ViewScoped
public class CaseWaitingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    WaitingListService lists;

    private Long caseId;
    private List<CasePosition> positions;

    public List<CasePosition> positions(Long id) {
        if (id == null) {
            return List.of();
        }
        if (positions == null || !id.equals(caseId)) {
            caseId = id;
            positions = lists.casePositions(id);
        }
        return positions;
    }

    public String plain(BigDecimal value) {
        return cl.redlocal.portal.web.platform.Numbers.plainText(value);
    }
}
