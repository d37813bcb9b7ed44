package cl.redlocal.portal.offer.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import cl.redlocal.portal.territory.Comuna;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A place where a program attends people, with coordinates for the map when they are known. */
@Entity
@Table(name = "program_location")
public class ProgramLocation extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id", nullable = false, updatable = false)
    private Program program;

    private String name;

    @Column(nullable = false)
    private String address;

    private String sector;

    @Column(precision = 9, scale = 6)
    private BigDecimal latitude;

    @Column(precision = 9, scale = 6)
    private BigDecimal longitude;

    protected ProgramLocation() {
    }

    ProgramLocation(Program program, String name, String address, String sector, BigDecimal latitude,
                    BigDecimal longitude) {
        this.program = program;
        this.comuna = program.getComuna();
        update(name, address, sector, latitude, longitude);
    }

    final void update(String newName, String newAddress, String newSector, BigDecimal newLatitude,
                      BigDecimal newLongitude) {
        if ((newLatitude == null) != (newLongitude == null)) {
            throw new IllegalArgumentException("offer.location.coordinatesIncomplete");
        }
        this.name = newName;
        this.address = newAddress;
        this.sector = newSector;
        this.latitude = newLatitude;
        this.longitude = newLongitude;
    }

    public Program getProgram() {
        return program;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getSector() {
        return sector;
    }

    public BigDecimal getLatitude() {
        return latitude;
    }

    public BigDecimal getLongitude() {
        return longitude;
    }
}
