package cl.redlocal.portal.diagnosis.boundary;

import java.io.Serializable;
import java.util.List;

public record DimensionView(long id, String code, String name, int position, List<ItemView> items)
        implements Serializable {
}
