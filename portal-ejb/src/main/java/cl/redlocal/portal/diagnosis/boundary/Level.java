package cl.redlocal.portal.diagnosis.boundary;

import java.io.Serializable;

/** One level of an item's scale: its value and its Spanish label. */
public record Level(int value, String label) implements Serializable {

    /** The value as the form submits it. */
    public String key() {
        return String.valueOf(value);
    }
}
