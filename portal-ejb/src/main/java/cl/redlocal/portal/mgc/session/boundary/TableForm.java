package cl.redlocal.portal.mgc.session.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** A table being created (id null) or edited (id and the version read). */
public class TableForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;

    private int version;

    @NotBlank(message = "{mgc.table.name.required}")
    @Size(max = 150, message = "{mgc.size150}")
    private String name;

    @Size(max = 150, message = "{mgc.size150}")
    private String territory;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTerritory() {
        return territory;
    }

    public void setTerritory(String territory) {
        this.territory = territory;
    }
}
