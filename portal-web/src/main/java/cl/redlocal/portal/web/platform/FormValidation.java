package cl.redlocal.portal.web.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a command (a record the service will check again) with its own Bean Validation constraints
 * before it is sent, and puts each message next to the field it concerns, in the page's language:
 * one set of rules, written once on the command, shown where the person typed.
 */
@RequestScoped
public class FormValidation {

    @Inject
    ValidatorFactory factory;

    @Inject
    FacesContext faces;

    /**
     * @param formId  the id of the h:form whose fields carry the command's property names as ids
     * @param aliases class-level or computed properties mapped to the field they concern
     *                (e.g. "ageRangeOrdered" to "minAge")
     * @return true when there was nothing to say
     */
    public boolean check(Object command, String formId, Map<String, String> aliases) {
        Locale locale = faces.getViewRoot().getLocale();
        MessageInterpolator base = factory.getMessageInterpolator();
        Validator validator = factory.usingContext().messageInterpolator(new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return base.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale ignored) {
                return base.interpolate(template, context, locale);
            }
        }).getValidator();
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        for (ConstraintViolation<Object> v : violations) {
            faces.addMessage(clientId(formId, v.getPropertyPath(), aliases),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, v.getMessage(), null));
        }
        if (!violations.isEmpty()) {
            faces.validationFailed();
        }
        return violations.isEmpty();
    }

    /** "locations[1].latitude" becomes "form:locations:1:latitude" (the ids of a ui:repeat). */
    private static String clientId(String formId, Path path, Map<String, String> aliases) {
        StringBuilder id = new StringBuilder(formId);
        for (Path.Node node : path) {
            // Bean Validation puts a list element's index on the node that follows the list
            if (node.getIndex() != null) {
                id.append(':').append(node.getIndex());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                id.append(':').append(aliases.getOrDefault(node.getName(), node.getName()));
            }
        }
        return id.toString();
    }
}
