package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.alert.entity.AlertSeverity;
import cl.redlocal.portal.cases.entity.RiskKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** A risk signal noticed at access: it becomes an open vulnerability alert of the case. */
public record RiskSignalForm(@NotNull RiskKind kind, @NotNull AlertSeverity severity,
                             @Size(max = 1000) String description) implements Serializable {
}
