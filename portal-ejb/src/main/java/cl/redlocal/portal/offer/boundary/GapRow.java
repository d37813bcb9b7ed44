package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.control.DemandRatio;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One line of the gap catalogue: a program (programId set), a sector (programId null, acronym null)
 * or the whole comuna (sector null too). Demand is occupied + waiting; waits are in whole days since
 * the waiting referral was sent, the median over every waiting referral of the line.
 * {@code ratio} is null when there are no slots; {@code demandExceedsSupply} holds then for any demand.
 */
public record GapRow(Sector sector, Long programId, String acronym, String name, ProgramStatus status, long slots,
                     long occupied, long vacancies, long waiting, long demand, Integer oldestWaitDays,
                     BigDecimal medianWaitDays, BigDecimal ratio, boolean demandExceedsSupply)
        implements Serializable {

    public static GapRow of(Sector sector, Long programId, String acronym, String name, ProgramStatus status,
                            long slots, long occupied, long waiting, Integer oldestWaitDays,
                            BigDecimal medianWaitDays) {
        return new GapRow(sector, programId, acronym, name, status, slots, occupied, slots - occupied, waiting,
                occupied + waiting, oldestWaitDays, medianWaitDays, DemandRatio.of(occupied, waiting, slots),
                DemandRatio.exceedsSupply(occupied, waiting, slots));
    }

    /** The line of nothing: a comuna without programs. */
    public static GapRow empty() {
        return of(null, null, null, null, null, 0, 0, 0, null, null);
    }
}
