package cl.redlocal.portal.web.admin;

import cl.redlocal.portal.security.boundary.UserAdministration;
import cl.redlocal.portal.security.boundary.UserRow;
import cl.redlocal.portal.web.platform.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** The users of the administrator's comuna: searched, sorted and paged in SQL. */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserAdministration users;

    private String search;
    private PagedModel<UserRow> model;

    @PostConstruct
    void init() {
        model = new PagedModel<>(() -> users.count(search), page -> users.list(search, page), UserRow::id);
    }

    public PagedModel<UserRow> getModel() {
        return model;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
