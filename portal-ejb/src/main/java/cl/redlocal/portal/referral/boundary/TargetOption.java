package cl.redlocal.portal.referral.boundary;

import cl.redlocal.portal.offer.entity.ProgramStatus;

import java.io.Serializable;

/** A program a case could be referred to. */
public record TargetOption(long id, String acronym, String name, ProgramStatus status) implements Serializable {

    public String label() {
        return acronym + " · " + name;
    }
}
