package cl.redlocal.portal.platform;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.io.Serializable;

/**
 * Identity and optimistic locking for every entity people edit: a second save of a stale copy fails
 * with an OptimisticLockException instead of silently overwriting the first.
 */
@MappedSuperclass
public abstract class VersionedEntity implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    @Column(nullable = false)
    private int version;

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        return id != null && id.equals(((VersionedEntity) other).id);
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
