package cl.redlocal.portal.home;

import java.io.Serializable;
import java.util.List;

/**
 * The figures of one role's home page. Counts only: no child is named here, so the coordinator and
 * the territorial manager can see them too.
 */
public record HomeSummary(String role, String comunaName, String programAcronym, long activePrograms,
                          long openCases, long pendingReferrals, long waitingReferrals, long users,
                          long disabledUsers, long failedSignIns24h, long denials24h, long staleOffer,
                          long overdueReferrals, long overIntervened,
                          List<ComunaFigures> comunas) implements Serializable {

    public record ComunaFigures(String name, long activePrograms, long openCases, long pendingReferrals)
            implements Serializable {
    }
}
