package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.offer.entity.ImportStatus;
import cl.redlocal.portal.offer.entity.OfferImport;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/**
 * The state of an import, each change in a transaction of its own: the import's transaction stays open
 * (and invisible) until its last row, while its progress must be readable at once by the page, on any
 * node; and its failure must be recorded after that transaction rolled back. The import's own transaction
 * never writes this row before its very end, so the two never wait for each other.
 */
@Stateless
@RolesAllowed(Role.Names.COORDINADOR)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OfferImportLedger {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /** The person who previewed the file starts its import, once. */
    public void begin(long importId) {
        CallerProfile me = caller.profile();
        OfferImport i = em.find(OfferImport.class, importId);
        if (i == null || i.getComuna().getId() != me.comunaId() || !i.getStartedBy().equals(me.username())) {
            audit.denied("OFFER_IMPORT", importId, "importación de otra persona o comuna");
            throw new BusinessException("error.notFound");
        }
        Object expired = em.createNativeQuery("SELECT content IS NULL FROM offer_import WHERE id = ?1")
                .setParameter(1, importId).getSingleResult();
        if (Boolean.TRUE.equals(expired) && i.getStatus() == ImportStatus.PREVIEW) {
            throw new BusinessException("offer.import.expired");
        }
        if (i.getValid() == 0) {
            throw new BusinessException("offer.import.nothingToImport");
        }
        try {
            i.start(Instant.now());
            em.flush();
        } catch (IllegalStateException | OptimisticLockException e) {
            throw new BusinessException("offer.import.notStartable");
        }
    }

    /** Rows gone through so far. */
    public void progress(long importId, int done) {
        em.find(OfferImport.class, importId).progress(done, Instant.now());
    }

    /** Records that the import failed (its transaction rolled back: nothing of it was saved) and why. */
    public void fail(long importId, Integer row, String key, List<String> arguments) {
        OfferImport i = em.find(OfferImport.class, importId);
        i.fail(row, key, arguments, Instant.now());
        em.createNativeQuery("UPDATE offer_import SET content = NULL WHERE id = ?1").setParameter(1, importId)
                .executeUpdate();
        audit.record(AuditAction.CREATE, "OFFER_IMPORT", importId, AuditOutcome.FAILURE,
                "nada importado de " + i.getTotal() + " filas" + (row == null ? "" : "; falló la fila " + row)
                        + ": " + key);
    }
}
