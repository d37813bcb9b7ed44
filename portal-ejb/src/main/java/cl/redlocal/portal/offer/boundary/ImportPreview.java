package cl.redlocal.portal.offer.boundary;

import java.io.Serializable;
import java.util.List;

/** What an uploaded file would import: every data row with its outcome, and the import it can start. */
public record ImportPreview(long importId, String fileName, List<ImportRow> rows) implements Serializable {

    public ImportPreview {
        rows = List.copyOf(rows);
    }

    public int total() {
        return rows.size();
    }

    public int valid() {
        return (int) rows.stream().filter(ImportRow::valid).count();
    }

    public int skipped() {
        return total() - valid();
    }
}
