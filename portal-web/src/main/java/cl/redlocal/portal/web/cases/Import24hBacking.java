package cl.redlocal.portal.web.cases;

import cl.redlocal.portal.cases.boundary.Import24hPreview;
import cl.redlocal.portal.cases.boundary.Import24hResult;
import cl.redlocal.portal.cases.boundary.Import24hRow;
import cl.redlocal.portal.cases.boundary.Import24hService;
import cl.redlocal.portal.offer.boundary.ImportProblem;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

import java.io.Serializable;
import java.util.List;

/**
 * Importing the police 24 Horas list (cases/import24h.xhtml): upload, the preview of every row with its outcome,
 * then the import, all or nothing, in the request (the lists are small). The file is kept in the view between
 * the preview and the import and checked again by the service then.
 */
@Named
@ViewScoped
public class Import24hBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A row of the preview table, its outcome already in the reader's language. */
    public record Line(int row, String initials, java.time.LocalDate birthDate, java.time.LocalDate procedureDate,
                       boolean valid, String outcome, List<String> problems, List<String> notes) implements Serializable {

        private static final java.time.format.DateTimeFormatter DMY =
                java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy");

        public String getBirthDateText() {
            return birthDate == null ? null : birthDate.format(DMY);
        }

        public String getProcedureDateText() {
            return procedureDate == null ? null : procedureDate.format(DMY);
        }

        /** The outcome and its problems in one cell of an export. */
        public String getExportText() {
            String text = problems.isEmpty() ? outcome : outcome + ": " + String.join("; ", problems);
            return notes.isEmpty() ? text : text + " (" + String.join("; ", notes) + ")";
        }
    }

    @Inject
    Import24hService imports;

    @Inject
    Messages messages;

    private String fileName;
    private byte[] content;
    private Import24hPreview preview;
    private List<Line> lines = List.of();
    private String summary;
    private Import24hResult result;
    private String resultText;

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        reset();
        if (file.getSize() > Import24hService.MAX_BYTES) {
            messages.error(null, "import24h.file.tooLarge", getMaxMegabytes());
            return;
        }
        try {
            preview = imports.preview(file.getFileName(), file.getContent());
        } catch (BusinessException e) {
            messages.error(e);
            return;
        }
        fileName = file.getFileName();
        content = file.getContent();
        lines = preview.rows().stream().map(this::line).toList();
        summary = messages.text("import24h.summary", preview.fileName(), preview.rows().size(),
                preview.count(Import24hRow.Outcome.MATCHED_RUN) + preview.count(Import24hRow.Outcome.MATCHED_NAMES),
                preview.count(Import24hRow.Outcome.NEW_CHILD), preview.count(Import24hRow.Outcome.SAME_AS_ROW),
                preview.errors());
    }

    public void start() {
        if (preview == null || !preview.importable()) {
            return;
        }
        try {
            result = imports.importAll(fileName, content, preview.rows().stream().map(Import24hRow::outcome).toList());
            resultText = messages.text("import24h.done", result.batch(), result.requests(), result.newChildren(),
                    result.newCases());
            content = null;
        } catch (BusinessException e) {
            if (e.getMessageKey().equals("import24h.failed.row")) {
                Object[] a = e.getArguments();
                @SuppressWarnings("unchecked")
                List<String> args = (List<String>) a[2];
                messages.error(null, "import24h.failed.row", a[0], messages.text((String) a[1], args.toArray()));
            } else {
                messages.error(e);
            }
        }
    }

    /** An export of the outcomes (the link's own listener, beside its p:dataExporter). */
    public void exportedCsv() {
        imports.exported(fileName, "CSV", lines.size());
    }

    public void exportedXlsx() {
        imports.exported(fileName, "XLSX", lines.size());
    }

    public void reset() {
        fileName = null;
        content = null;
        preview = null;
        lines = List.of();
        summary = null;
        result = null;
        resultText = null;
    }

    private Line line(Import24hRow r) {
        String outcome = switch (r.outcome()) {
            case MATCHED_RUN, MATCHED_NAMES -> messages.text("import24h.outcome." + r.outcome().name(), r.caseCode());
            case SAME_AS_ROW -> messages.text("import24h.outcome.SAME_AS_ROW", r.sameAsRow());
            default -> messages.text("import24h.outcome." + r.outcome().name());
        };
        return new Line(r.row(), r.initials(), r.birthDate(), r.procedureDate(), r.valid(), outcome,
                r.problems().stream().map(this::text).toList(), r.notes().stream().map(this::text).toList());
    }

    private String text(ImportProblem p) {
        return messages.text(p.key(), p.arguments().toArray());
    }

    public long getMaxBytes() {
        return Import24hService.MAX_BYTES;
    }

    public long getMaxMegabytes() {
        return Import24hService.MAX_BYTES / (1024 * 1024);
    }

    public boolean isPreviewed() {
        return preview != null;
    }

    public boolean isImportable() {
        return preview != null && preview.importable() && result == null;
    }

    public boolean isBlocked() {
        return preview != null && !preview.importable();
    }

    public boolean isDone() {
        return result != null;
    }

    public String getStartLabel() {
        return preview == null ? "" : messages.text("import24h.start", preview.rows().size());
    }

    public List<Line> getLines() {
        return lines;
    }

    public String getSummary() {
        return summary;
    }

    public String getResultText() {
        return resultText;
    }
}
