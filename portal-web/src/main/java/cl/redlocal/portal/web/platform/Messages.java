package cl.redlocal.portal.web.platform;

import cl.redlocal.portal.platform.BusinessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Messages for the person, from the resource bundle in the view's language. */
@RequestScoped
public class Messages {

    public static final String BUNDLE = "i18n.messages";

    @Inject
    FacesContext faces;

    public String text(String key, Object... arguments) {
        return text(faces.getViewRoot() == null ? faces.getApplication().getDefaultLocale()
                : faces.getViewRoot().getLocale(), key, arguments);
    }

    /** A text of the bundle in the given language, also where no Faces request is at hand. */
    public static String text(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }

    /** An error next to the field with this client id, or at the top of the page when it is null. */
    public void error(String clientId, String key, Object... arguments) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, arguments), null));
        faces.validationFailed();
    }

    public void info(String key, Object... arguments) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }

    public void error(BusinessException e) {
        error(null, e.getMessageKey(), e.getArguments());
    }

    /** A service's refusal beside the field it is about (client id by message key), else at the top of the page. */
    public void error(BusinessException e, java.util.Map<String, String> fieldByKey) {
        error(fieldByKey.get(e.getMessageKey()), e.getMessageKey(), e.getArguments());
    }
}
