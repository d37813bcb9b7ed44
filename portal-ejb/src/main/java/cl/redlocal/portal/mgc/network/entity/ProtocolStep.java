package cl.redlocal.portal.mgc.network.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.io.Serializable;

/** One step of a protocol: who does what, within how long. */
@Embeddable
public class ProtocolStep implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(nullable = false)
    private String responsible;

    @Column(nullable = false)
    private String action;

    @Column(name = "deadline_value", nullable = false)
    private int deadlineValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_unit", nullable = false)
    private DeadlineUnit deadlineUnit;

    protected ProtocolStep() {
    }

    public ProtocolStep(String responsible, String action, int deadlineValue, DeadlineUnit deadlineUnit) {
        if (responsible == null || responsible.isBlank() || action == null || action.isBlank() || deadlineValue <= 0
                || deadlineUnit == null) {
            throw new IllegalArgumentException("a step needs a responsible, an action and a deadline");
        }
        this.responsible = responsible.strip();
        this.action = action.strip();
        this.deadlineValue = deadlineValue;
        this.deadlineUnit = deadlineUnit;
    }

    public String getResponsible() {
        return responsible;
    }

    public String getAction() {
        return action;
    }

    public int getDeadlineValue() {
        return deadlineValue;
    }

    public DeadlineUnit getDeadlineUnit() {
        return deadlineUnit;
    }
}
