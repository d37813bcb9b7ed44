package cl.redlocal.portal.mgc.agenda.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The flows block of an agenda: the period (from the previous held session of the same table, or the last
 * {@link FlowsQuery#DEFAULT_DAYS} days when there is none, up to this session) and one line per program.
 */
public record FlowsBlock(Instant from, Instant to, Long previousSessionId, List<FlowLine> lines) implements Serializable {

    public long total(java.util.function.ToLongFunction<FlowLine> figure) {
        return lines.stream().mapToLong(figure).sum();
    }
}
