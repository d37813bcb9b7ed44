package cl.redlocal.portal.cases.boundary;

import java.io.Serializable;
import java.util.List;

/** What a 24 Horas file would do, row by row. It imports only when no row has an error. */
public record Import24hPreview(String fileName, List<Import24hRow> rows) implements Serializable {

    public Import24hPreview {
        rows = List.copyOf(rows);
    }

    public long errors() {
        return rows.stream().filter(r -> !r.valid()).count();
    }

    public boolean importable() {
        return errors() == 0;
    }

    public long count(Import24hRow.Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
