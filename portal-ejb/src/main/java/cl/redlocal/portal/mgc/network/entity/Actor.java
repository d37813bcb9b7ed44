package cl.redlocal.portal.mgc.network.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An institution that matters to the comuna's children: a provider of the offer map or another one (police
 * unit, court, school, health centre, community organisation), its role in the network, a contact person,
 * the table it takes part in and the last time the table was in touch.
 */
@Entity(name = "NetActor")
@Table(name = "net_actor")
public class Actor extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "comuna_id", nullable = false, updatable = false)
    private long comunaId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActorKind kind;

    @Column(name = "provider_id")
    private Long providerId;

    @Column(name = "network_role")
    private String networkRole;

    @Column(name = "contact_name")
    private String contactName;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "table_id")
    private Long tableId;

    @Column(name = "last_contact_on")
    private LocalDate lastContactOn;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected Actor() {
    }

    public Actor(long comunaId, String createdBy) {
        this.comunaId = comunaId;
        this.createdBy = createdBy;
    }

    public void describe(String name, ActorKind kind, Long providerId, String networkRole, String contactName,
                         String contactEmail, String contactPhone, Long tableId, LocalDate lastContactOn) {
        this.name = name.strip();
        this.kind = kind;
        this.providerId = providerId;
        this.networkRole = blankToNull(networkRole);
        this.contactName = blankToNull(contactName);
        this.contactEmail = blankToNull(contactEmail);
        this.contactPhone = blankToNull(contactPhone);
        this.tableId = tableId;
        this.lastContactOn = lastContactOn;
    }

    /** A contact with the institution: the date only moves forward. */
    public void contacted(LocalDate on) {
        if (lastContactOn == null || on.isAfter(lastContactOn)) {
            lastContactOn = on;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public long getComunaId() { return comunaId; }
    public String getName() { return name; }
    public ActorKind getKind() { return kind; }
    public Long getProviderId() { return providerId; }
    public String getNetworkRole() { return networkRole; }
    public String getContactName() { return contactName; }
    public String getContactEmail() { return contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public Long getTableId() { return tableId; }
    public LocalDate getLastContactOn() { return lastContactOn; }
}
