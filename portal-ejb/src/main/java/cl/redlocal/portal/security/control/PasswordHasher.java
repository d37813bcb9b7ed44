package cl.redlocal.portal.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * PBKDF2 through the platform's own {@link Pbkdf2PasswordHash}, at the iteration count OWASP asks for
 * today (the built-in default, 1,024, is far too low). The stored form carries algorithm, iterations and
 * salt ({@code PBKDF2WithHmacSHA256:600000:salt:hash}), so raising the count later re-hashes each
 * password at its owner's next sign-in.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int MIN_LENGTH = 10;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "portal.security.pbkdf2.algorithm", defaultValue = "PBKDF2WithHmacSHA256")
    String algorithm;

    @Inject
    @ConfigProperty(name = "portal.security.pbkdf2.iterations", defaultValue = "600000")
    int iterations;

    /** Verifying against this keeps an unknown user name as slow as a wrong password. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", algorithm,
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate("decoy-password".toCharArray());
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    public boolean verify(char[] password, String storedHash) {
        if (storedHash == null) {
            pbkdf2.verify(password, decoy);
            return false;
        }
        return pbkdf2.verify(password, storedHash);
    }

    /** True when the stored hash was made with other parameters than the configured ones. */
    public boolean isOutdated(String storedHash) {
        return storedHash == null || !storedHash.startsWith(algorithm + ":" + iterations + ":");
    }

    public String algorithm() {
        return algorithm;
    }

    public int iterations() {
        return iterations;
    }
}
