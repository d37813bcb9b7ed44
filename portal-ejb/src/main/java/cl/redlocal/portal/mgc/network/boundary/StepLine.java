package cl.redlocal.portal.mgc.network.boundary;

import java.io.Serializable;

/** A protocol step as shown: position (1..n), who, what, within how long ({@code unit} HOURS or DAYS). */
public record StepLine(int position, String responsible, String action, int deadline, String unit) implements Serializable {
}
