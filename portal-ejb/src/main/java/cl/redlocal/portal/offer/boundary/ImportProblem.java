package cl.redlocal.portal.offer.boundary;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Why a row of an import file cannot be imported: a message key of the web bundle and its arguments
 * (the page says it in the reader's language; the arguments are the file's own values).
 */
public record ImportProblem(String key, List<String> arguments) implements Serializable {

    public ImportProblem {
        arguments = List.copyOf(arguments);
    }

    public static ImportProblem of(String key, Object... arguments) {
        return new ImportProblem(key, Arrays.stream(arguments).map(String::valueOf).toList());
    }
}
