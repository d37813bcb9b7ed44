package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.entity.Sector;

import java.io.Serializable;
import java.util.List;

/**
 * One data row of an import file as the preview shows it: what it would create and, when it cannot be
 * imported, every reason. {@code row} is the row number a spreadsheet shows (the header is row 1).
 */
public record ImportRow(int row, String acronym, String name, Sector sector, String providerName,
                        boolean newProvider, Integer slots, Integer occupied, List<ImportProblem> problems)
        implements Serializable {

    public ImportRow {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
