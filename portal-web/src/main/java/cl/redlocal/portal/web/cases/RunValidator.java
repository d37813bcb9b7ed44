package cl.redlocal.portal.web.cases;

import cl.redlocal.portal.cases.entity.Run;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;

/**
 * The RUN checked while Faces converts the form, beside the other fields' conversion errors: a date of birth
 * that does not parse stops the form before the command's Bean Validation runs, and the RUN's error must not
 * hide behind it. The same rules as {@code ChildForm} (format first, then the check digit); nothing is checked
 * when the sibling "sin RUN" box ({@code noRun}) is ticked.
 */
@FacesValidator("portal.run")
public class RunValidator implements Validator<Object> {

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        String run = value == null ? null : value.toString();
        if (run == null || run.isBlank() || noRunTicked(component)) {
            return;
        }
        String key = !Run.isWellFormed(run) ? "child.run.format" : Run.isValid(run) ? null : "child.run.checkDigit";
        if (key != null) {
            String text = Messages.text(context.getViewRoot().getLocale(), key);
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
    }

    private static boolean noRunTicked(UIComponent component) {
        UIComponent box = component.findComponent("noRun");
        if (!(box instanceof UIInput input)) {
            return false;
        }
        // the box comes after the RUN in the form: its submitted value is all there is yet
        Object submitted = input.getSubmittedValue();
        Object ticked = submitted != null ? submitted : input.getValue();
        return ticked != null && ("on".equals(ticked.toString()) || "true".equals(ticked.toString()));
    }
}
