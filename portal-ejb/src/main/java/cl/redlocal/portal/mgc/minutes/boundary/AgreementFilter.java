package cl.redlocal.portal.mgc.minutes.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/** The agreements list's filters (all optional); applied in SQL. status may be OVERDUE (derived). */
public class AgreementFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private String status;
    private String institution;
    private LocalDate dueFrom;
    private LocalDate dueTo;
    private Long sessionId;
    private String caseCode;

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getInstitution() { return institution; }
    public void setInstitution(String institution) { this.institution = institution; }
    public LocalDate getDueFrom() { return dueFrom; }
    public void setDueFrom(LocalDate dueFrom) { this.dueFrom = dueFrom; }
    public LocalDate getDueTo() { return dueTo; }
    public void setDueTo(LocalDate dueTo) { this.dueTo = dueTo; }
    public Long getSessionId() { return sessionId; }
    public void setSessionId(Long sessionId) { this.sessionId = sessionId; }
    public String getCaseCode() { return caseCode; }
    public void setCaseCode(String caseCode) { this.caseCode = caseCode; }

    public AgreementFilter status(String value) { this.status = value; return this; }
    public AgreementFilter session(Long value) { this.sessionId = value; return this; }
    public AgreementFilter caseCode(String value) { this.caseCode = value; return this; }
    public AgreementFilter institution(String value) { this.institution = value; return this; }
}
