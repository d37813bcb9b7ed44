package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.cases.entity.Sex;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A child's registry as shown to somebody allowed to see one of the child's cases: identity, family and its
 * adults, siblings (by case code and initials only) and the history of corrections.
 */
public record ChildRecord(long id, int version, String run, String noRunReason, String otherIdentifier,
                          String givenNames, String paternalSurname, String maternalSurname, String socialName,
                          LocalDate birthDate, int age, Sex sex, String gender, String nationality, String address,
                          String sector, String school, String initials, Family family, List<Adult> adults,
                          List<Sibling> siblings, List<Correction> corrections, List<CaseRef> cases)
        implements Serializable {

    public String fullName() {
        return givenNames + " " + paternalSurname + (maternalSurname == null ? "" : " " + maternalSurname);
    }

    public record Family(long id, String code, String surname, String address, String sector) implements Serializable {
    }

    public record Adult(long id, int version, String fullName, String relationship, String run, String phone,
                        String email, boolean livesWith) implements Serializable {
    }

    public record Sibling(String caseCode, String initials) implements Serializable {
    }

    public record Correction(Instant changedAt, String changedBy, String field, String before, String after,
                             String reason) implements Serializable {
    }

    public record CaseRef(long id, String code, String status) implements Serializable {
    }
}
