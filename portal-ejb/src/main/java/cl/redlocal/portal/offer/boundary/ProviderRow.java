package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.entity.ProviderKind;

import java.io.Serializable;

/** An institution of the comuna with how many programs it runs. */
public record ProviderRow(long id, int version, String name, ProviderKind kind, String description, String email,
                          String phone, String website, long programs) implements Serializable {

    public ProviderForm toForm() {
        return new ProviderForm(name, kind, description, email, phone, website);
    }
}
