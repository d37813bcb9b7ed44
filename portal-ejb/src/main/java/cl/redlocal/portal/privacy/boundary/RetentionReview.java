package cl.redlocal.portal.privacy.boundary;

import cl.redlocal.portal.notify.Notifier;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.job.Cadence;
import cl.redlocal.portal.platform.job.JobSpec;
import cl.redlocal.portal.platform.job.Jobs;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The scheduled retention review: once a day on one node of the cluster, each comuna's administrators are
 * told how many children's records are past the comuna's term (nothing is anonymised without their
 * approval, on /privacy/retention.xhtml).
 */
@Stateless
@PermitAll
public class RetentionReview {

    public static final JobSpec JOB = JobSpec.oncePerCluster("privacy-retention-review",
            new Cadence.Daily(LocalTime.of(3, 0)));

    @PersistenceContext
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    Notifier notifier;

    @Inject
    PortalClock clock;

    @Inject
    @ConfigProperty(name = "portal.privacy.retention-years", defaultValue = "5")
    int defaultYears;

    @Inject
    @ConfigProperty(name = "portal.privacy.retention.scheduled", defaultValue = "true")
    boolean scheduledRuns;

    @Schedule(second = "0", minute = "*/5", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (scheduledRuns) {
            jobs.run(JOB, this::reviewAll);
        }
    }

    private void reviewAll() {
        @SuppressWarnings("unchecked")
        List<Object[]> comunas = em.createNativeQuery("SELECT c.id, COALESCE(r.years, ?1) FROM comuna c"
                + " LEFT JOIN privacy_retention r ON r.comuna_id = c.id ORDER BY c.id").setParameter(1, defaultYears)
                .getResultList();
        for (Object[] c : comunas) {
            review(((Number) c[0]).longValue(), clock.today().minusYears(((Number) c[1]).intValue()));
        }
    }

    /** Tells the comuna's administrators how many records are past the term; returns that number. */
    public int review(long comunaId, LocalDate closedBefore) {
        int due = PrivacyAdministration.pastTerm(em, comunaId, closedBefore).size();
        if (due > 0) {
            notifier.toAdministrators(comunaId, new Notifier.Notice(
                    due + " registros de NNA cumplieron su plazo de conservación: revise su anonimización.",
                    "/privacy/retention.xhtml", "Red Local: registros que cumplieron su plazo de conservación",
                    due + " registros de NNA de casos cerrados cumplieron el plazo de conservación de la comuna.\n"
                            + "Revíselos y apruebe su anonimización en el portal: Datos personales > Conservación."));
        }
        return due;
    }
}
