package cl.redlocal.portal.offer.boundary;

import java.io.Serializable;

/** A program at one of its locations (HSDS: service_at_location); the program without its other locations. */
public record PublicSite(PublicLocation location, PublicProgram program) implements Serializable {
}
