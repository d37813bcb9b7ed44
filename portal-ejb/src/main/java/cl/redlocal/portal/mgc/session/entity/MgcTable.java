package cl.redlocal.portal.mgc.session.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A Case Management Table of a comuna (a comuna may run one per territory). */
@Entity
@Table(name = "mgc_table")
public class MgcTable extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "comuna_id", nullable = false, updatable = false)
    private Long comunaId;

    @Column(nullable = false)
    private String name;

    private String territory;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected MgcTable() {
    }

    public MgcTable(long comunaId, String name, String territory, String createdBy) {
        this.comunaId = comunaId;
        this.createdBy = createdBy;
        rename(name, territory);
    }

    public final void rename(String name, String territory) {
        this.name = name.trim();
        this.territory = territory == null || territory.isBlank() ? null : territory.trim();
    }

    public Long getComunaId() {
        return comunaId;
    }

    public String getName() {
        return name;
    }

    public String getTerritory() {
        return territory;
    }

    public boolean isActive() {
        return active;
    }
}
