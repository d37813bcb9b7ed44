package cl.redlocal.portal.offer.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The gap catalogue (catastro de brechas) of one comuna on one day: every program that is not closed,
 * each sector those programs belong to, and the comuna as a whole. Sector and comuna lines add up the
 * program lines; their waits are taken over all their waiting referrals, not averaged from programs.
 */
public record GapCatalogue(long comunaId, String comunaName, LocalDate asOf, List<GapRow> programs,
                           List<GapRow> sectors, GapRow total) implements Serializable {
}
