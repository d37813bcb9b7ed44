package cl.redlocal.portal.mgc.agenda.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A case put to the table for analysis, with its pauta (question and presenter's notes) and the discussion
 * the minutes record. Origin: SUGGESTED, PICKED, PROPOSED, ALERT;
 * state: PROPOSED (a program's proposal awaiting a co-facilitator), PICKED, DECLINED.
 */
@Entity(name = "MgcCaseItem")
@Table(name = "mgc_case_item")
public class CaseItem extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Column(nullable = false)
    private String origin;

    @Column(nullable = false)
    private String reasons;

    @Column(nullable = false)
    private String state;

    @Column(name = "proposed_by", nullable = false)
    private String proposedBy;

    @Column(name = "proposed_by_program_id")
    private Long proposedByProgramId;

    private String question;

    @Column(name = "presenter_notes")
    private String presenterNotes;

    @Column(nullable = false)
    private int position;

    private String discussion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CaseItem() {
    }

    public CaseItem(long sessionId, long caseId, String origin, String reasons, String state, String proposedBy,
                    Long proposedByProgramId, int position) {
        this.sessionId = sessionId;
        this.caseId = caseId;
        this.origin = origin;
        this.reasons = reasons.length() > 1000 ? reasons.substring(0, 1000) : reasons;
        this.state = state;
        this.proposedBy = proposedBy;
        this.proposedByProgramId = proposedByProgramId;
        this.position = position;
        this.createdAt = Instant.now();
    }

    /** A co-facilitator accepts a program's proposal (or declines it). */
    public void decide(boolean accept) {
        if (!"PROPOSED".equals(state)) {
            throw new IllegalStateException("not proposed");
        }
        state = accept ? "PICKED" : "DECLINED";
    }

    public void addReason(String reason) {
        if (!reasons.contains(reason)) {
            String joined = reasons + "; " + reason;
            reasons = joined.length() > 1000 ? joined.substring(0, 1000) : joined;
        }
    }

    /** What the table said about the case, as the minutes record it (blank clears it). */
    public void writeDiscussion(String text) {
        this.discussion = text == null || text.isBlank() ? null : text;
    }

    public String getDiscussion() {
        return discussion;
    }

    public void writePauta(String newQuestion, String newNotes) {
        this.question = newQuestion == null || newQuestion.isBlank() ? null : newQuestion.strip();
        this.presenterNotes = newNotes == null || newNotes.isBlank() ? null : newNotes.strip();
    }

    public long getSessionId() {
        return sessionId;
    }

    public long getCaseId() {
        return caseId;
    }

    public String getOrigin() {
        return origin;
    }

    public String getReasons() {
        return reasons;
    }

    public String getState() {
        return state;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Long getProposedByProgramId() {
        return proposedByProgramId;
    }

    public String getQuestion() {
        return question;
    }

    public String getPresenterNotes() {
        return presenterNotes;
    }

    public int getPosition() {
        return position;
    }
}
