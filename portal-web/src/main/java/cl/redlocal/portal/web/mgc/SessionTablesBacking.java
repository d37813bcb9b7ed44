package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.session.boundary.MemberForm;
import cl.redlocal.portal.mgc.session.boundary.MemberRow;
import cl.redlocal.portal.mgc.session.boundary.MgcTableService;
import cl.redlocal.portal.mgc.session.boundary.TableForm;
import cl.redlocal.portal.mgc.session.boundary.TableRow;
import cl.redlocal.portal.mgc.session.entity.MemberKind;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** /mgc/tables.xhtml: the comuna's tables and, for the chosen one, its members (joining and leaving with dates). */
@Named
@ViewScoped
public class SessionTablesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MgcTableService service;

    @Inject
    Messages messages;

    @Inject
    FormValidation validation;

    @Inject
    PortalClock clock;

    @Inject
    cl.redlocal.portal.mgc.session.boundary.CalendarService calendars;

    private Long tableId;
    private List<TableRow> tables;
    private TableRow table;
    private List<MemberRow> members;
    private TableForm tableForm = new TableForm();
    private MemberForm memberForm;
    private LocalDate leftOn;
    private List<MgcTableService.Option> users;
    private List<MgcTableService.Option> programs;

    public void load() {
        tables = service.tables();
        if (tableId == null && !tables.isEmpty()) {
            tableId = tables.get(0).id();
        }
        table = tableId == null ? null : service.table(tableId).orElse(null);
        members = table == null ? List.of() : service.members(table.id());
        if (table != null && table.editable()) {
            users = service.users();
            programs = service.programs();
        }
        newMember();
        leftOn = clock.today();
    }

    public void newTable() {
        tableForm = new TableForm();
    }

    public void editTable() {
        tableForm = new TableForm();
        tableForm.setId(table.id());
        tableForm.setVersion(table.version());
        tableForm.setName(table.name());
        tableForm.setTerritory(table.territory());
    }

    public String saveTable() {
        if (!validation.check(tableForm, "tableForm", Map.of())) {
            return null;
        }
        try {
            long id = service.saveTable(tableForm);
            messages.info("mgc.tables.saved");
            return "/mgc/tables?faces-redirect=true&table=" + id;
        } catch (BusinessException e) {
            messages.error("tableForm:name", e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    public void newMember() {
        memberForm = new MemberForm();
        memberForm.setTableId(tableId);
        memberForm.setKind(MemberKind.PERMANENT);
        memberForm.setJoinedOn(clock.today());
    }

    public void editMember(MemberRow m) {
        memberForm = new MemberForm();
        memberForm.setId(m.id());
        memberForm.setVersion(m.version());
        memberForm.setTableId(m.tableId());
        memberForm.setKind(MemberKind.valueOf(m.kind()));
        memberForm.setInstitution(m.institution());
        memberForm.setPersonName(m.personName());
        memberForm.setEmail(m.email());
        memberForm.setUserId(m.userId());
        memberForm.setProgramId(m.programId());
        memberForm.setJoinedOn(m.joinedOn());
    }

    public String saveMember() {
        if (!validation.check(memberForm, "memberForm", Map.of())) {
            return null;
        }
        try {
            service.saveMember(memberForm);
            messages.info("mgc.members.saved");
            return "/mgc/tables?faces-redirect=true&table=" + tableId;
        } catch (BusinessException e) {
            messages.error("memberForm:institution", e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    public String leave(MemberRow m) {
        try {
            service.leave(m.id(), m.version(), leftOn);
            messages.info("mgc.members.left", m.personName());
            return "/mgc/tables?faces-redirect=true&table=" + tableId;
        } catch (BusinessException e) {
            messages.error("members:leftOn", e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    /** A member outside the portal gets their own calendar feed: its address is shown to send to them. */
    public void memberFeed(MemberRow m) {
        calendars.memberFeedToken(m.id()).ifPresent(token -> {
            jakarta.faces.context.ExternalContext external =
                    jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
            String url = external.getRequestScheme() + "://" + external.getRequestServerName() + ":"
                    + external.getRequestServerPort() + external.getRequestContextPath() + "/calendar/feed/" + token + ".ics";
            messages.info("mgc.feed.member", m.personName(), url);
        });
    }

    public void revokeMemberFeed(MemberRow m) {
        calendars.revokeMemberFeed(m.id());
        messages.info("mgc.feed.memberRevoked", m.personName());
    }

    public void exported(String format) {
        service.exported(tableId, format);
    }

    public List<MgcTableService.Option> getUsers() {
        return users;
    }

    public List<MgcTableService.Option> getPrograms() {
        return programs;
    }

    public MemberKind[] getKinds() {
        return MemberKind.values();
    }

    public Long getTableId() { return tableId; }
    public void setTableId(Long v) { tableId = v; }
    public List<TableRow> getTables() { return tables; }
    public TableRow getTable() { return table; }
    public List<MemberRow> getMembers() { return members; }
    public TableForm getTableForm() { return tableForm; }
    public MemberForm getMemberForm() { return memberForm; }
    public LocalDate getLeftOn() { return leftOn; }
    public void setLeftOn(LocalDate v) { leftOn = v; }
}
