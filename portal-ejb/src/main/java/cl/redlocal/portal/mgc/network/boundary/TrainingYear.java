package cl.redlocal.portal.mgc.network.boundary;

import java.io.Serializable;

/** The table's record of trainings in a year: how many, of which by guests, and attendance. */
public record TrainingYear(int year, long trainings, long guests, long attendees) implements Serializable {
}
