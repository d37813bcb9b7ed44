package cl.redlocal.portal.mgc.session.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** A one-off guest of a session (an intersector guest, a speaker). */
public class GuestForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "{mgc.guest.name.required}")
    @Size(max = 150, message = "{mgc.size150}")
    private String name;

    @NotBlank(message = "{mgc.guest.institution.required}")
    @Size(max = 150, message = "{mgc.size150}")
    private String institution;

    @Email(message = "{mgc.email.invalid}")
    @Size(max = 254, message = "{mgc.email.invalid}")
    private String email;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getInstitution() {
        return institution;
    }

    public void setInstitution(String institution) {
        this.institution = institution;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
