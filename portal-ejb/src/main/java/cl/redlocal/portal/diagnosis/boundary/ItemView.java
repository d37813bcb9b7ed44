package cl.redlocal.portal.diagnosis.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** An item of an instrument version: its text, its scale (a label per level) and a guidance note. */
public record ItemView(long id, int position, String text, int scaleMin, int scaleMax, List<String> labels,
                       String note) implements Serializable {

    public List<Level> levels() {
        List<Level> levels = new ArrayList<>();
        for (int v = scaleMin; v <= scaleMax; v++) {
            int i = v - scaleMin;
            levels.add(new Level(v, i < labels.size() ? labels.get(i) : String.valueOf(v)));
        }
        return levels;
    }

    public String labelsText() {
        return String.join("|", labels);
    }

    public String labelOf(Integer value) {
        if (value == null) {
            return null;
        }
        int i = value - scaleMin;
        return i >= 0 && i < labels.size() ? labels.get(i) : String.valueOf(value);
    }
}
