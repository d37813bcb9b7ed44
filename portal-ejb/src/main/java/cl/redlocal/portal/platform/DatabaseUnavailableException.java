package cl.redlocal.portal.platform;

/**
 * The portal cannot reach or use its database at start-up. Thrown while the application deploys, it
 * fails the deployment with a message that says where the database is (without password) and why.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
