package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.offer.control.GapQueries;
import cl.redlocal.portal.offer.control.MapQueries;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.boundary.Option;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.territory.Comuna;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The offer seen from above: where the programs attend and whether they can take somebody (the map),
 * and where demand exceeds supply (the gap catalogue). Figures only, no child's data: everybody
 * signed in reads their comuna's; a territorial manager, those of any comuna they support.
 */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
        Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
public class OfferOverviewService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    MapQueries mapQueries;

    @Inject
    GapQueries gapQueries;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "portal.timezone", defaultValue = "America/Santiago")
    String timezone;

    /** The comunas whose offer the caller may look at: their own, and for a territorial manager those they support. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public List<Option> comunas() {
        return em.createQuery("SELECT NEW cl.redlocal.portal.security.boundary.Option(c.id, c.name) FROM Comuna c"
                        + " WHERE c.id IN :ids ORDER BY c.name", Option.class)
                .setParameter("ids", List.copyOf(caller.profile().comunaIds())).getResultList();
    }

    /** Every location of the comuna's programs that passes the filter, with coordinates or not. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public List<MapLocation> locations(@NotNull MapFilter filter) {
        return mapQueries.locations(comunaOf(filter.comunaId()), filter);
    }

    /** The gap catalogue of the caller's comuna (null) or of one they support, as of today. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public GapCatalogue gaps(Long comunaId) {
        long comuna = comunaOf(comunaId);
        LocalDate today = LocalDate.now(ZoneId.of(timezone));
        GapQueries.Lines lines = gapQueries.lines(comuna, today);
        return new GapCatalogue(comuna, em.find(Comuna.class, comuna).getName(), today, lines.programs(),
                lines.sectors(), lines.total());
    }

    /** Somebody took the catalogue away as a file (format: PDF, XLSX, CSV); the trail says who and which. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public void gapsExported(Long comunaId, @NotNull @Pattern(regexp = "PDF|XLSX|CSV") String format) {
        audit.record(AuditAction.EXPORT, "OFFER_GAPS", comunaOf(comunaId), AuditOutcome.SUCCESS, format);
    }

    private long comunaOf(Long comunaId) {
        CallerProfile me = caller.profile();
        if (comunaId == null) {
            return me.comunaId();
        }
        if (!me.worksIn(comunaId)) {
            audit.denied("COMUNA", comunaId, "oferta de otra comuna");
            throw new BusinessException("error.notFound");
        }
        return comunaId;
    }
}
