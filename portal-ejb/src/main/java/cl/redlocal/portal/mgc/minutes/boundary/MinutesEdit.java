package cl.redlocal.portal.mgc.minutes.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.List;

/**
 * What a co-facilitator changed in the minutes, each change with the version it was made on: only the
 * changed parts are sent, so two co-facilitators writing different items both keep their work, and the
 * second to write the same item (or the decisions) is refused instead of overwriting the first.
 *
 * @param decisions null when the decisions were not changed
 */
public record MinutesEdit(int minutesVersion, @Size(max = 20000) String decisions,
                          @NotNull @Valid List<Attendance> attendance, @NotNull @Valid List<Text> notes,
                          @NotNull @Valid List<Text> discussions) implements Serializable {

    public MinutesEdit {
        attendance = attendance == null ? List.of() : List.copyOf(attendance);
        notes = notes == null ? List.of() : List.copyOf(notes);
        discussions = discussions == null ? List.of() : List.copyOf(discussions);
    }

    public static MinutesEdit none(int minutesVersion) {
        return new MinutesEdit(minutesVersion, null, List.of(), List.of(), List.of());
    }

    public MinutesEdit withDecisions(String text) {
        return new MinutesEdit(minutesVersion, text, attendance, notes, discussions);
    }

    public MinutesEdit withAttendance(long participantId, int version, String value) {
        List<Attendance> more = new java.util.ArrayList<>(attendance);
        more.add(new Attendance(participantId, version, value));
        return new MinutesEdit(minutesVersion, decisions, more, notes, discussions);
    }

    public MinutesEdit withNote(long itemId, int version, String text) {
        List<Text> more = new java.util.ArrayList<>(notes);
        more.add(new Text(itemId, version, text));
        return new MinutesEdit(minutesVersion, decisions, attendance, more, discussions);
    }

    public MinutesEdit withDiscussion(long caseItemId, int version, String text) {
        List<Text> more = new java.util.ArrayList<>(discussions);
        more.add(new Text(caseItemId, version, text));
        return new MinutesEdit(minutesVersion, decisions, attendance, notes, more);
    }

    public boolean isEmpty() {
        return decisions == null && attendance.isEmpty() && notes.isEmpty() && discussions.isEmpty();
    }

    public record Attendance(long participantId, int version,
                             @Pattern(regexp = "PRESENT|ABSENT|EXCUSED", message = "{mgc.minutes.attendance.invalid}")
                             String value) implements Serializable {
    }

    public record Text(long id, int version, @Size(max = 20000) String text) implements Serializable {
    }
}
