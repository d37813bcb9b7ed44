package cl.redlocal.portal.mgc.session.boundary;

import cl.redlocal.portal.mgc.session.entity.MemberKind;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;

/** A member being added (id null) or edited: who, for which institution, and since when. */
public class MemberForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;

    private int version;

    private Long tableId;

    @NotNull(message = "{mgc.member.kind.required}")
    private MemberKind kind;

    @NotBlank(message = "{mgc.member.institution.required}")
    @Size(max = 150, message = "{mgc.size150}")
    private String institution;

    @NotBlank(message = "{mgc.member.person.required}")
    @Size(max = 150, message = "{mgc.size150}")
    private String personName;

    @NotBlank(message = "{mgc.member.email.required}")
    @Email(message = "{mgc.email.invalid}")
    @Size(max = 254, message = "{mgc.email.invalid}")
    private String email;

    private Long userId;

    private Long programId;

    @NotNull(message = "{mgc.member.joinedOn.required}")
    private LocalDate joinedOn;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public Long getTableId() {
        return tableId;
    }

    public void setTableId(Long tableId) {
        this.tableId = tableId;
    }

    public MemberKind getKind() {
        return kind;
    }

    public void setKind(MemberKind kind) {
        this.kind = kind;
    }

    public String getInstitution() {
        return institution;
    }

    public void setInstitution(String institution) {
        this.institution = institution;
    }

    public String getPersonName() {
        return personName;
    }

    public void setPersonName(String personName) {
        this.personName = personName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public Long getProgramId() {
        return programId;
    }

    public void setProgramId(Long programId) {
        this.programId = programId;
    }

    public LocalDate getJoinedOn() {
        return joinedOn;
    }

    public void setJoinedOn(LocalDate joinedOn) {
        this.joinedOn = joinedOn;
    }
}
