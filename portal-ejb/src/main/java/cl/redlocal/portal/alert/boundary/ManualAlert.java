package cl.redlocal.portal.alert.boundary;

import cl.redlocal.portal.alert.entity.AlertSeverity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** A manual alert: the kind (a RiskKind name), severity and what was observed. */
public class ManualAlert implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "{alert.kind.required}")
    private String kind;

    @NotNull(message = "{alert.severity.required}")
    private AlertSeverity severity;

    @NotBlank(message = "{alert.description.required}")
    @Size(max = 1000, message = "{alert.description.size}")
    private String description;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public AlertSeverity getSeverity() {
        return severity;
    }

    public void setSeverity(AlertSeverity severity) {
        this.severity = severity;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
