package cl.redlocal.portal.it;

import cl.redlocal.portal.demo.MgcDemoMinutes;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;

/** Runs the demo's minutes step in a transaction of the portal, on a fixture comuna (MinutesDemoIT). */
@Stateless
@PermitAll
public class MgcDemoProbe {

    @PersistenceContext
    EntityManager em;

    public void seed(long comunaId, LocalDate anchor) {
        MgcDemoMinutes.seed(em, comunaId, anchor);
    }
}
