package cl.redlocal.portal.offer.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import cl.redlocal.portal.territory.Comuna;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One uploaded program file, from its preview to the end of its import, with the progress the page
 * polls. The file's bytes are in the same row ({@code content}) but deliberately not mapped: polling
 * every second must not load up to 10 MB, so they are written and read with SQL by the import.
 */
@Entity
@Table(name = "offer_import")
public class OfferImport extends VersionedEntity {

    private static final long serialVersionUID = 1L;
    /** Separates the error's arguments in one column; no CSV cell the portal accepts contains it. */
    private static final String SEPARATOR = "\u001f";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @Column(name = "started_by", nullable = false, updatable = false)
    private String startedBy;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportStatus status = ImportStatus.PREVIEW;

    @Column(nullable = false, updatable = false)
    private int total;

    @Column(nullable = false, updatable = false)
    private int valid;

    @Column(name = "skipped_rows", nullable = false, updatable = false)
    private String skippedRows;

    @Column(nullable = false)
    private int done;

    @Column(nullable = false)
    private int imported;

    @Column(nullable = false)
    private int skipped;

    @Column(name = "error_row")
    private Integer errorRow;

    @Column(name = "error_key")
    private String errorKey;

    @Column(name = "error_args")
    private String errorArgs;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected OfferImport() {
    }

    /** A previewed file: {@code skippedRows} are the rows the preview told the person it would skip. */
    public OfferImport(Comuna comuna, String startedBy, String fileName, int total, List<Integer> skippedRows) {
        if (skippedRows.size() > total) {
            throw new IllegalArgumentException("more skipped rows than rows");
        }
        this.comuna = comuna;
        this.startedBy = startedBy;
        this.fileName = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        this.total = total;
        this.valid = total - skippedRows.size();
        this.skippedRows = skippedRows.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The person who previewed it asked for the import: it starts once. */
    public void start(Instant at) {
        require(ImportStatus.PREVIEW);
        status = ImportStatus.RUNNING;
        startedAt = at;
        updatedAt = at;
    }

    /** Rows gone through so far (the import's own transaction has not committed them yet). */
    public void progress(int rowsDone, Instant at) {
        require(ImportStatus.RUNNING);
        done = Math.max(done, Math.min(rowsDone, total));
        updatedAt = at;
    }

    /** Every valid row imported, the rest skipped as the preview said. */
    public void finish(int importedRows, Instant at) {
        require(ImportStatus.RUNNING);
        if (importedRows != valid) {
            throw new IllegalArgumentException("imported " + importedRows + " of " + valid + " valid rows");
        }
        status = ImportStatus.DONE;
        done = total;
        imported = importedRows;
        skipped = total - importedRows;
        updatedAt = at;
        finishedAt = at;
    }

    /** Nothing was imported (the import's transaction rolled back); says why and, if one did, which row. */
    public void fail(Integer row, String key, List<String> arguments, Instant at) {
        if (status == ImportStatus.DONE) {
            throw new IllegalStateException("import " + getId() + " already done");
        }
        status = ImportStatus.FAILED;
        imported = 0;
        errorRow = row;
        errorKey = key;
        String joined = String.join(SEPARATOR, arguments);
        errorArgs = joined.length() > 1000 ? joined.substring(0, 1000) : joined;
        updatedAt = at;
        finishedAt = at;
    }

    /** Running, but no progress for a while: its node stopped, and its transaction with it. */
    public boolean isStalled(Instant now, Duration silence) {
        return status == ImportStatus.RUNNING && updatedAt.isBefore(now.minus(silence));
    }

    private void require(ImportStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("import " + getId() + " is " + status + ", not " + expected);
        }
    }

    public Comuna getComuna() {
        return comuna;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public String getFileName() {
        return fileName;
    }

    public ImportStatus getStatus() {
        return status;
    }

    public int getTotal() {
        return total;
    }

    public int getValid() {
        return valid;
    }

    public List<Integer> getSkippedRows() {
        return skippedRows.isEmpty() ? List.of()
                : Arrays.stream(skippedRows.split(",")).map(Integer::valueOf).toList();
    }

    public int getDone() {
        return done;
    }

    public int getImported() {
        return imported;
    }

    public int getSkipped() {
        return skipped;
    }

    public Integer getErrorRow() {
        return errorRow;
    }

    public String getErrorKey() {
        return errorKey;
    }

    public List<String> getErrorArguments() {
        return errorArgs == null || errorArgs.isEmpty() ? List.of() : List.of(errorArgs.split(SEPARATOR, -1));
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
