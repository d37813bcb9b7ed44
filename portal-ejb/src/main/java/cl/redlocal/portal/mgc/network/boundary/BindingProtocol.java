package cl.redlocal.portal.mgc.network.boundary;

import java.io.Serializable;
import java.util.List;

/** An approved protocol that applies to a program or to a referral between two programs, with its steps. */
public record BindingProtocol(long id, String title, int currentVersion, List<StepLine> steps) implements Serializable {

    /** The longest step deadline, as "n HOURS" or "n DAYS" parts for the page to word. */
    public StepLine lastStep() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }
}
