package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.entity.ImportStatus;

import java.io.Serializable;
import java.util.List;

/**
 * Where an import stands, as stored in the database (so any node can answer the page's polling).
 * {@code done} counts the rows gone through, valid or skipped; {@code imported} and {@code skipped} are
 * final once the status is DONE. A failed import imported nothing: {@code errorRow} (if a row caused it),
 * {@code errorKey} and {@code errorArguments} say why. {@code stalled}: still RUNNING but silent for
 * minutes, as when its node stopped; its transaction never committed, so nothing of it was saved.
 */
public record ImportProgress(long id, ImportStatus status, int total, int valid, int done, int imported,
                             int skipped, Integer errorRow, String errorKey, List<String> errorArguments,
                             boolean stalled) implements Serializable {

    public ImportProgress {
        errorArguments = errorArguments == null ? List.of() : List.copyOf(errorArguments);
    }

    public int percent() {
        if (status == ImportStatus.DONE) {
            return 100;
        }
        return total == 0 ? 0 : (int) Math.min(100, done * 100L / total);
    }

    public boolean finished() {
        return status == ImportStatus.DONE || status == ImportStatus.FAILED || stalled;
    }
}
