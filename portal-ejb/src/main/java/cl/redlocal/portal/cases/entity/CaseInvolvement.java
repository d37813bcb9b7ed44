package cl.redlocal.portal.cases.entity;

import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.platform.VersionedEntity;
import cl.redlocal.portal.territory.Comuna;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A program's part in a case from entry to exit: together they are the child's trajectory. */
@Entity
@Table(name = "case_involvement")
public class CaseInvolvement extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    private CaseFile caseFile;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id", nullable = false, updatable = false)
    private Program program;

    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "exit_reason")
    private String exitReason;

    /** At a program's exit: whether the plan goals were met (YES, PARTLY, NO). */
    @Column(name = "goals_achieved")
    private String goalsAchieved;

    @Column(name = "exited_by")
    private String exitedBy;

    protected CaseInvolvement() {
    }

    public CaseInvolvement(CaseFile caseFile, Program program, LocalDate startedOn) {
        if (!program.getComuna().equals(caseFile.getComuna())) {
            throw new IllegalArgumentException("A case involves programs of its own comuna");
        }
        this.comuna = caseFile.getComuna();
        this.caseFile = caseFile;
        this.program = program;
        this.startedOn = startedOn;
    }

    public void end(LocalDate on, String reason) {
        if (on.isBefore(startedOn)) {
            throw new IllegalArgumentException("An exit cannot precede the entry");
        }
        this.endedOn = on;
        this.exitReason = reason;
    }

    /**
     * The program's exit from the case, as its professional records it: the day, the reason, whether the
     * plan goals were met (YES, PARTLY, NO) and who recorded it.
     */
    public void exit(LocalDate on, String reason, String goals, String by) {
        if (!isActive()) {
            throw new IllegalStateException("already ended");
        }
        if (!java.util.Set.of("YES", "PARTLY", "NO").contains(goals)) {
            throw new IllegalArgumentException("goals achieved is YES, PARTLY or NO");
        }
        end(on, reason);
        this.goalsAchieved = goals;
        this.exitedBy = by;
    }

    public String getGoalsAchieved() {
        return goalsAchieved;
    }

    public String getExitedBy() {
        return exitedBy;
    }

    public boolean isActive() {
        return endedOn == null;
    }

    public CaseFile getCaseFile() {
        return caseFile;
    }

    public Program getProgram() {
        return program;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public String getExitReason() {
        return exitReason;
    }
}
