package cl.redlocal.portal.web.platform;

import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every session- and view-scoped bean of the portal travels to another cluster member with the session
 * (web.xml is {@code <distributable/>}): a field that cannot be serialized would cost a person their work
 * when their node dies, and Payara only says so in its log. This reads each such bean's fields, and the
 * fields of the portal's own types they hold, and names every one that would not serialize.
 *
 * <p>Injected fields are fine when the container hands a serializable proxy (normal-scoped CDI beans,
 * EJBs, interfaces). Lambdas are checked where they are kept: their declared type must be Serializable.
 */
class SessionStateSerializableTest {

    private static final String ROOT_PACKAGE = "cl.redlocal.portal";

    @Test
    void sessionAndViewScopedBeansHoldOnlySerializableState() throws Exception {
        List<Class<?>> beans = scopedBeans();
        assertThat(beans).as("the portal's @ViewScoped and @SessionScoped beans").hasSizeGreaterThan(40);

        List<String> problems = new ArrayList<>();
        Set<Class<?>> checked = new HashSet<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            checkFields(bean, bean.getSimpleName(), problems, checked);
        }
        assertThat(problems).as("state that would not travel with a replicated session").isEmpty();
    }

    private static void checkFields(Class<?> type, String path, List<String> problems, Set<Class<?>> checked) {
        if (!checked.add(type)) {
            return;
        }
        for (Class<?> c = type; c != null && c.getName().startsWith(ROOT_PACKAGE); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                    continue;
                }
                String where = path + "." + field.getName();
                if (field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(EJB.class)) {
                    if (!injectedProxyTravels(field.getType())) {
                        problems.add(where + ": injected " + field.getType().getName()
                                + " is neither a normal-scoped bean, an EJB nor Serializable");
                    }
                    continue;
                }
                checkType(field.getGenericType(), where, problems, checked);
            }
        }
    }

    private static void checkType(Type type, String where, List<String> problems, Set<Class<?>> checked) {
        if (type instanceof Class<?> raw) {
            if (raw.isArray()) {
                checkType(raw.getComponentType(), where, problems, checked);
            } else if (!raw.isPrimitive() && !Serializable.class.isAssignableFrom(raw)
                    && !isContainerInterface(raw)) {
                problems.add(where + ": " + raw.getName() + " is not Serializable");
            } else if (raw.getName().startsWith(ROOT_PACKAGE) && !raw.isEnum()) {
                checkFields(raw, where, problems, checked); // a Serializable record may still hold a stream
            }
        } else if (type instanceof ParameterizedType parameterized) {
            checkType(parameterized.getRawType(), where, problems, checked);
            for (Type argument : parameterized.getActualTypeArguments()) {
                checkType(argument, where + "<>", problems, checked);
            }
        } else if (type instanceof GenericArrayType array) {
            checkType(array.getGenericComponentType(), where, problems, checked);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                checkType(bound, where, problems, checked);
            }
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                if (bound != Object.class) {
                    checkType(bound, where, problems, checked);
                }
            }
        }
    }

    /** List, Map, Set: the implementations the portal uses (ArrayList, List.of, HashMap ...) serialize. */
    private static boolean isContainerInterface(Class<?> raw) {
        return raw == List.class || raw == Set.class || raw == Map.class || raw == Collection.class
                || raw == Object.class;
    }

    private static boolean injectedProxyTravels(Class<?> type) {
        return type.isInterface() || Serializable.class.isAssignableFrom(type)
                || type == FacesContext.class || type == ExternalContext.class // request-scoped producers
                || Stream.of(ApplicationScoped.class, RequestScoped.class, SessionScoped.class,
                        ConversationScoped.class, ViewScoped.class, Stateless.class, Singleton.class,
                        Stateful.class).anyMatch(type::isAnnotationPresent);
    }

    private static List<Class<?>> scopedBeans() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(PagedModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SessionStateSerializableTest.class.getClassLoader());
                if (type.isAnnotationPresent(ViewScoped.class) || type.isAnnotationPresent(SessionScoped.class)) {
                    beans.add(type);
                }
            }
        }
        return beans;
    }
}
