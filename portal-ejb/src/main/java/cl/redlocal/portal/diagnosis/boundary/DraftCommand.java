package cl.redlocal.portal.diagnosis.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.List;

/** The edits of a draft instrument, as of the version the person saw. */
public record DraftCommand(long instrumentId, int expectedVersion,
                           @NotBlank(message = "{diagnosis.instrument.name.required}") @Size(max = 150) String name,
                           @NotNull List<@Valid DimensionEdit> dimensions, @NotNull List<@Valid ItemEdit> items)
        implements Serializable {

    public record DimensionEdit(long id, @NotBlank(message = "{diagnosis.instrument.dimension.required}")
                                @Size(max = 150) String name, int position) implements Serializable {
    }

    public record ItemEdit(long id, int position,
                           @NotBlank(message = "{diagnosis.instrument.item.required}") @Size(max = 400) String text,
                           int scaleMin, int scaleMax,
                           @NotBlank(message = "{diagnosis.instrument.labels.required}") @Size(max = 600) String labels,
                           @Size(max = 400) String note) implements Serializable {
    }
}
