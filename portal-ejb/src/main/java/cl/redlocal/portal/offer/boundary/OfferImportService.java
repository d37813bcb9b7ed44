package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.offer.control.ImportChecks;
import cl.redlocal.portal.offer.control.ProgramCsv;
import cl.redlocal.portal.offer.entity.OfferImport;
import cl.redlocal.portal.platform.BusinessException;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The coordinator imports programs into their own comuna from a CSV file (docs/offer-import.md): first a
 * preview that says, row by row, what will be imported and what skipped and why; then, on request, the
 * import of the valid rows, in the background and in one transaction ({@link OfferImporter}), with its
 * progress readable from any node. Nothing is half-imported, nothing skipped without the preview saying so.
 */
@Stateless
@RolesAllowed(Role.Names.COORDINADOR)
public class OfferImportService {

    /** A running import that reported nothing for this long has lost its node (and its transaction). */
    static final Duration STALLED_AFTER = Duration.ofMinutes(5);

    private static final long MEGABYTE = 1024L * 1024L;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ImportChecks checks;

    @Inject
    OfferImportLedger ledger;

    @Inject
    OfferImportRunner runner;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "portal.offer.import.max-bytes", defaultValue = "10485760")
    long maxBytes;

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads and checks a file without importing anything, and keeps it for {@link #start}. A file that
     * cannot be read as a whole (too large, not UTF-8, unknown columns...) is refused; wrong rows are
     * returned with their problems.
     */
    public ImportPreview preview(String fileName, @NotNull byte[] content) {
        if (content.length > maxBytes) {
            throw new BusinessException("offer.import.file.tooLarge", maxBytes / MEGABYTE);
        }
        CallerProfile me = caller.profile();
        List<ImportChecks.Checked> rows = checks.check(me.comunaId(), ProgramCsv.read(content));
        String name = fileName == null || fileName.isBlank() ? "archivo.csv"
                : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        OfferImport record = new OfferImport(em.getReference(Comuna.class, me.comunaId()), me.username(), name,
                rows.size(), rows.stream().filter(r -> !r.valid()).map(r -> r.row().row()).toList());
        em.persist(record);
        em.flush();
        em.createNativeQuery("UPDATE offer_import SET content = ?1 WHERE id = ?2")
                .setParameter(1, content).setParameter(2, record.getId()).executeUpdate();
        // a preview nobody imported keeps its file for a day, no longer
        em.createNativeQuery("UPDATE offer_import SET content = NULL WHERE comuna_id = ?1 AND status = 'PREVIEW'"
                        + " AND content IS NOT NULL AND created_at < now() - INTERVAL '1 day'")
                .setParameter(1, me.comunaId()).executeUpdate();
        return new ImportPreview(record.getId(), name, rows.stream().map(ImportChecks.Checked::toImportRow).toList());
    }

    /**
     * Starts importing the valid rows of a preview of one's own, in the background; the caller polls
     * {@link #progress}. The RUNNING state is committed before the work starts, so a second click is refused.
     */
    public void start(long importId) {
        ledger.begin(importId);
        runner.run(importId);
    }

    /** Where an import of the caller's comuna stands. */
    public ImportProgress progress(long importId) {
        OfferImport i = em.find(OfferImport.class, importId);
        if (i == null || i.getComuna().getId() != caller.profile().comunaId()) {
            audit.denied("OFFER_IMPORT", importId, "importación de otra comuna o inexistente");
            throw new BusinessException("error.notFound");
        }
        return new ImportProgress(i.getId(), i.getStatus(), i.getTotal(), i.getValid(), i.getDone(),
                i.getImported(), i.getSkipped(), i.getErrorRow(), i.getErrorKey(), i.getErrorArguments(),
                i.isStalled(Instant.now(), STALLED_AFTER));
    }
}
