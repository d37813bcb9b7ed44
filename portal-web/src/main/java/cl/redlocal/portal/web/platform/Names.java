package cl.redlocal.portal.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * A person's name with their program in a sentence (#{names.withProgram(name, acronym)}): "Ana Pérez (PPF)",
 * once, also when the name someone typed already ends with the program ("Paula Profesional (PPF)").
 */
@Named
@ApplicationScoped
public class Names {

    public String withProgram(String name, String acronym) {
        if (acronym == null || acronym.isBlank()) {
            return name == null ? "" : name;
        }
        String tag = "(" + acronym + ")";
        if (name == null || name.isBlank()) {
            return tag;
        }
        return name.contains(tag) ? name : name + " " + tag;
    }

    /** A gender identity beside the sex only when it says something the sex does not ("Masculino · Masculino" never). */
    public boolean adds(String gender, String sexLabel) {
        return gender != null && !gender.isBlank() && !gender.trim().equalsIgnoreCase(sexLabel == null ? "" : sexLabel.trim());
    }
}
