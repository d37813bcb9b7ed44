package cl.redlocal.portal.web.offer;

import cl.redlocal.portal.offer.boundary.ImportPreview;
import cl.redlocal.portal.offer.boundary.ImportProblem;
import cl.redlocal.portal.offer.boundary.ImportProgress;
import cl.redlocal.portal.offer.boundary.ImportRow;
import cl.redlocal.portal.offer.boundary.OfferImportService;
import cl.redlocal.portal.offer.entity.ImportStatus;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

import java.io.Serializable;
import java.util.List;

/**
 * Importing programs from a CSV file (offer/import.xhtml): upload, preview of every row with its outcome,
 * then the import of the valid rows, whose progress the page polls until it is done or failed. Everything
 * shown is prepared here when it changes; the getters only return it.
 */
@Named
@ViewScoped
public class OfferImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long MEGABYTE = 1024L * 1024L;

    /** A row of the preview table, its problems already in the reader's language. */
    public record Line(int row, String acronym, String name, String sector, String provider, boolean newProvider,
                       Integer slots, Integer occupied, List<String> problems) implements Serializable {

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    @Inject
    OfferImportService imports;

    @Inject
    Messages messages;

    private long maxBytes;
    private ImportPreview preview;
    private List<Line> lines = List.of();
    private List<Line> problemLines = List.of();
    private boolean onlyProblems;
    private String summary;
    private String startLabel;
    private ImportProgress progress;
    private String progressText;

    @PostConstruct
    void init() {
        maxBytes = imports.maxBytes();
    }

    /** A file was chosen: its preview replaces any earlier one. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        preview = null;
        lines = List.of();
        problemLines = List.of();
        progress = null;
        if (file.getSize() > maxBytes) {
            messages.error(null, "offer.import.file.tooLarge", getMaxMegabytes());
            return;
        }
        try {
            preview = imports.preview(file.getFileName(), file.getContent());
        } catch (BusinessException e) {
            messages.error(e);
            return;
        }
        lines = preview.rows().stream().map(this::line).toList();
        problemLines = lines.stream().filter(l -> !l.isValid()).toList();
        summary = messages.text("offerImport.summary", preview.fileName(), preview.total(), preview.valid(),
                preview.skipped());
        startLabel = messages.text("offerImport.start", preview.valid());
    }

    public void start() {
        try {
            imports.start(preview.importId());
            progress = imports.progress(preview.importId());
            describeProgress();
        } catch (BusinessException e) {
            messages.error(e);
        }
    }

    /** The poll's listener: reads the progress any node may have written. */
    public void refresh() {
        if (progress != null && !progress.finished()) {
            progress = imports.progress(progress.id());
            describeProgress();
        }
    }

    /** Back to choosing a file (after an import, or instead of importing this one). */
    public void reset() {
        preview = null;
        lines = List.of();
        problemLines = List.of();
        progress = null;
        onlyProblems = false;
    }

    private Line line(ImportRow r) {
        return new Line(r.row(), r.acronym(), r.name(),
                r.sector() == null ? null : messages.text("sector." + r.sector().name()), r.providerName(),
                r.newProvider(), r.slots(), r.occupied(), r.problems().stream().map(this::text).toList());
    }

    private String text(ImportProblem problem) {
        return messages.text(problem.key(), problem.arguments().toArray());
    }

    private void describeProgress() {
        if (progress.stalled()) {
            progressText = messages.text("offerImport.stalled");
        } else if (progress.status() == ImportStatus.DONE) {
            progressText = messages.text("offerImport.done", progress.imported(), progress.skipped());
        } else if (progress.status() == ImportStatus.FAILED) {
            String reason = messages.text(progress.errorKey(), progress.errorArguments().toArray());
            progressText = messages.text("offerImport.failed", progress.errorRow() == null ? reason
                    : messages.text("offerImport.rowProblem", String.valueOf(progress.errorRow()), reason));
        } else {
            progressText = messages.text("offerImport.running", progress.done(), progress.total());
        }
    }

    public long getMaxBytes() {
        return maxBytes;
    }

    public long getMaxMegabytes() {
        return maxBytes / MEGABYTE;
    }

    public boolean isPreviewed() {
        return preview != null;
    }

    public boolean isStarted() {
        return progress != null;
    }

    public boolean isFinished() {
        return progress != null && progress.finished();
    }

    public boolean isSucceeded() {
        return progress != null && progress.status() == ImportStatus.DONE;
    }

    public boolean isNothingToImport() {
        return preview == null || preview.valid() == 0;
    }

    public List<Line> getLines() {
        return onlyProblems ? problemLines : lines;
    }

    public boolean isOnlyProblems() {
        return onlyProblems;
    }

    public void setOnlyProblems(boolean onlyProblems) {
        this.onlyProblems = onlyProblems;
    }

    /** Before the import what will happen; once it is done, what happened (never "se importará" afterwards). */
    public String getSummary() {
        if (isSucceeded() && preview != null) {
            return messages.text("offerImport.summaryDone", preview.fileName(), preview.total(), progress.imported(),
                    progress.skipped());
        }
        return summary;
    }

    public String getStartLabel() {
        return startLabel;
    }

    public int getPercent() {
        return progress == null ? 0 : progress.percent();
    }

    public String getProgressText() {
        return progressText;
    }
}
