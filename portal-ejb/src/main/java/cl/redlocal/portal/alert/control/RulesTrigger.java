package cl.redlocal.portal.alert.control;

import cl.redlocal.portal.security.control.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** What the case services call after a change the alert rules depend on (see {@link RulesDue}). */
@ApplicationScoped
public class RulesTrigger {

    @Inject
    Event<RulesDue> due;

    @Inject
    Caller caller;

    /** The caller's comuna changed in the current transaction; its rules run after it commits. */
    public void caseDataChanged() {
        due.fire(new RulesDue(caller.profile().comunaId()));
    }
}
