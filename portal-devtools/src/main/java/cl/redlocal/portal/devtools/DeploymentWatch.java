package cl.redlocal.portal.devtools;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Payara Micro's console output for the two things the launcher needs: when Micro has finished
 * starting (its "Payara Micro ... ready in N (ms)" line, the same line Payara's own Arquillian adapter
 * waits for, printed whether or not the application deployed), and the portal's own last words on why
 * it could not start (the last SEVERE record of a {@code cl.redlocal} logger, e.g. the database wait's).
 *
 * <p>Micro still says "ready" after a failed deployment and keeps serving 404s; whether the portal
 * really deployed is asked over HTTP afterwards ({@link Launcher}).
 */
final class DeploymentWatch {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern READY = Pattern.compile("Payara Micro .* ready in [0-9.,]+ \\(ms\\)");
    /**
     * One ODL record on one line: [time] [] [LEVEL] [id] [logger] [tid...] [timeMillis...] [levelValue: N] message.
     * The level's name follows the JVM's language (GRAVE under es, as ./run.sh runs Micro); its value does not.
     */
    private static final Pattern PORTAL_SEVERE = Pattern.compile(
            "\\] \\[(cl\\.redlocal\\.[^\\]]+)\\] .*?\\[levelValue: 1000\\] (.+)$");

    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile String reason;

    /** Takes one line of Micro's output. */
    void accept(String rawLine) {
        String line = ANSI.matcher(rawLine).replaceAll("");
        Matcher severe = PORTAL_SEVERE.matcher(line);
        if (severe.find()) {
            reason = severe.group(2).strip();
        }
        if (READY.matcher(line).find()) {
            ready.countDown();
        }
    }

    /** Waits up to the timeout for Micro's "ready" line; true once it came. */
    boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
        return ready.await(timeout, unit);
    }

    boolean isReady() {
        return ready.getCount() == 0;
    }

    /** The portal's last SEVERE message, if it logged one. */
    Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
