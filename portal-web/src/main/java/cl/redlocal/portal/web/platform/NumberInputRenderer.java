package cl.redlocal.portal.web.platform;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.inputnumber.InputNumberRenderer;

/**
 * p:inputNumber for every form: a value that is no number at all ("NaN", "Infinity", letters: never what
 * the widget sends, but what a hand-made request can) is refused beside its field like any invalid
 * value. PrimeFaces throws instead, which answered the whole form with 500.
 */
public class NumberInputRenderer extends InputNumberRenderer {

    @Override
    public void decode(FacesContext context, UIComponent component) {
        try {
            super.decode(context, component);
        } catch (FacesException e) {
            if (!(e.getCause() instanceof NumberFormatException)) {
                throw e;
            }
            UIInput input = (UIInput) component;
            // nothing submitted and nothing reaches the model: the field comes back empty, the message beside it
            input.setSubmittedValue(null);
            input.setValid(false);
            String text = Messages.text(context.getViewRoot().getLocale(), "validation.number");
            context.addMessage(component.getClientId(context),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            context.validationFailed();
        }
    }
}
