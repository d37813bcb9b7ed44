package cl.redlocal.portal.indicator.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * A comuna's indicators page: the quarter to date ({@code liveQuarter}), the last published quarter, the
 * latest quarter that may be published now ({@code publishable}, null once it is), the rows, and whether the
 * figures are the comuna's own (unsuppressed, live values and drill-down) or an outsider's.
 */
public record Dashboard(long comunaId, String comunaName, String liveQuarter, String publishedQuarter,
                        String publishable, int targetYear, boolean inside, List<IndicatorRow> rows,
                        List<PublicationSummary> publications) implements Serializable {
}
