package cl.redlocal.portal.diagnosis.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.List;

/** A program's complementary section on the current diagnosis, as of the version the person saw. */
public record ComplementCommand(long diagnosisId, int expectedVersion,
                                @Size(max = 2000, message = "{diagnosis.summary.size}") String summary,
                                @NotNull List<@Valid Line> lines) implements Serializable {

    /** An item or note of the program on one dimension; the score is optional. */
    public record Line(@NotNull String dimensionCode,
                       @Size(max = 400, message = "{diagnosis.complement.text.size}") String text,
                       Integer score,
                       @Size(max = 1000, message = "{diagnosis.complement.note.size}") String note) implements Serializable {

        public boolean blank() {
            return (text == null || text.isBlank()) && (note == null || note.isBlank()) && score == null;
        }
    }
}
