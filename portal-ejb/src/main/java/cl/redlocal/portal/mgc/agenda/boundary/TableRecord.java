package cl.redlocal.portal.mgc.agenda.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The record of a table over a period: sessions held against planned, attendance per institution,
 * agreements done on time, and the cases analysed with what happened to them afterwards (counts only).
 */
public record TableRecord(long tableId, String tableName, String comunaName, LocalDate from, LocalDate to,
                          List<SessionLine> sessions, List<Attendance> attendance, Agreements agreements,
                          Cases cases) implements Serializable {

    public long planned() {
        return sessions.size();
    }

    public long held() {
        return sessions.stream().filter(s -> "HELD".equals(s.state())).count();
    }

    public long cancelled() {
        return sessions.stream().filter(s -> "CANCELLED".equals(s.state())).count();
    }

    public record SessionLine(long id, Instant startsAt, String state, long present, long called, long cases,
                              long agreements) implements Serializable {
    }

    public record Attendance(String institution, long present, long absent, long excused) implements Serializable {

        public long recorded() {
            return present + absent + excused;
        }

        public long rate() {
            return recorded() == 0 ? 0 : Math.round(100.0 * present / recorded());
        }
    }

    public record Agreements(long total, long done, long onTime, long overdue, long cancelled) implements Serializable {

        public long onTimeRate() {
            return done == 0 ? 0 : Math.round(100.0 * onTime / done);
        }
    }

    /** Distinct cases analysed in held sessions, and afterwards: closed, still open, with alerts raised since. */
    public record Cases(long analysed, long closedSince, long stillOpen, long newAlertsSince) implements Serializable {
    }

    public record TableChoice(long id, String label) implements Serializable {
    }
}
