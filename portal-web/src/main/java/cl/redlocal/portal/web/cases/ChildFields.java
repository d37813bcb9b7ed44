package cl.redlocal.portal.web.cases;

import cl.redlocal.portal.cases.boundary.ChildForm;
import cl.redlocal.portal.cases.boundary.ChildRecord;
import cl.redlocal.portal.cases.entity.Sex;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The child's registry fields as a form holds them (WEB-INF/includes/case/child-fields.xhtml): the intake
 * of a new child and the correction of a registered one share them.
 */
public class ChildFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean noRun;
    private String run;
    private String noRunReason;
    private String otherIdentifier;
    private String givenNames;
    private String paternalSurname;
    private String maternalSurname;
    private String socialName;
    private LocalDate birthDate;
    private Sex sex;
    private String gender;
    private String nationality;
    private String address;
    private String sector;
    private String school;

    /** The fields as the child is registered. */
    public void fill(ChildRecord child) {
        noRun = child.run() == null;
        run = child.run();
        noRunReason = child.noRunReason();
        otherIdentifier = child.otherIdentifier();
        givenNames = child.givenNames();
        paternalSurname = child.paternalSurname();
        maternalSurname = child.maternalSurname();
        socialName = child.socialName();
        birthDate = child.birthDate();
        sex = child.sex();
        gender = child.gender();
        nationality = child.nationality();
        address = child.address();
        sector = child.sector();
        school = child.school();
    }

    /** The command the registry validates and saves. */
    public ChildForm toForm() {
        return new ChildForm(noRun, run, noRunReason, otherIdentifier, givenNames, paternalSurname, maternalSurname,
                socialName, birthDate, sex, gender, nationality, address, sector, school);
    }

    public Sex[] getSexes() {
        return Sex.values();
    }

    public boolean isNoRun() { return noRun; }
    public void setNoRun(boolean v) { noRun = v; }
    public String getRun() { return run; }
    public void setRun(String v) { run = v; }
    public String getNoRunReason() { return noRunReason; }
    public void setNoRunReason(String v) { noRunReason = v; }
    public String getOtherIdentifier() { return otherIdentifier; }
    public void setOtherIdentifier(String v) { otherIdentifier = v; }
    public String getGivenNames() { return givenNames; }
    public void setGivenNames(String v) { givenNames = v; }
    public String getPaternalSurname() { return paternalSurname; }
    public void setPaternalSurname(String v) { paternalSurname = v; }
    public String getMaternalSurname() { return maternalSurname; }
    public void setMaternalSurname(String v) { maternalSurname = v; }
    public String getSocialName() { return socialName; }
    public void setSocialName(String v) { socialName = v; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate v) { birthDate = v; }
    public Sex getSex() { return sex; }
    public void setSex(Sex v) { sex = v; }
    public String getGender() { return gender; }
    public void setGender(String v) { gender = v; }
    public String getNationality() { return nationality; }
    public void setNationality(String v) { nationality = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getSector() { return sector; }
    public void setSector(String v) { sector = v; }
    public String getSchool() { return school; }
    public void setSchool(String v) { school = v; }
}
