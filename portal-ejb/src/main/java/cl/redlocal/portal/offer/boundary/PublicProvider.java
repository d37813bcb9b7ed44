package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.entity.ProviderKind;

import java.io.Serializable;
import java.util.List;

/**
 * An institution of the public offer with its institutional contact (never a person's). {@code programs}:
 * its programs in the public offer; empty when the provider is shown inside one of them.
 */
public record PublicProvider(long id, String name, ProviderKind kind, String description, String email,
                             String phone, String website, List<PublicProgramRef> programs)
        implements Serializable {

    public PublicProvider {
        programs = List.copyOf(programs);
    }
}
