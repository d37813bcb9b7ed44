package cl.redlocal.portal.mgc.session.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;

/** A plan and how many of its sessions there are. */
public record PlanRow(long id, String label, LocalDate startsOn, LocalDate endsOn, String frequency, int weekday,
                      Integer weekOfMonth, LocalTime startTime, int durationMinutes, String place, String videoLink,
                      long sessions) implements Serializable {
}
