package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.entity.ProgramStatus;

import java.io.Serializable;

/** A program named from its provider's entry in the public offer. */
public record PublicProgramRef(long id, String acronym, String name, ProgramStatus status) implements Serializable {
}
