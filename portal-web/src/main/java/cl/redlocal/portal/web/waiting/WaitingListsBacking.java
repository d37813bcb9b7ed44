package cl.redlocal.portal.web.waiting;

import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.boundary.AccountService;
import cl.redlocal.portal.security.boundary.Option;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.waiting.boundary.CriterionLine;
import cl.redlocal.portal.waiting.boundary.ExitCommand;
import cl.redlocal.portal.waiting.boundary.ListOverview;
import cl.redlocal.portal.waiting.boundary.OverrideCommand;
import cl.redlocal.portal.waiting.boundary.WaitingList;
import cl.redlocal.portal.waiting.boundary.WaitingListService;
import cl.redlocal.portal.waiting.boundary.WaitingRow;
import cl.redlocal.portal.waiting.entity.WaitingExitReason;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The waiting lists page. A professional sees their program's list; co-facilitators and the coordinator
 * choose a program (URL parameter {@code program}) and see the comuna's overview. Actions open a dialog
 * rendered by the server (no client script decides anything); each one ends in a redirect, so a reload
 * never repeats it.
 */
@Named
@ViewScoped
public class WaitingListsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int HISTORY_DAYS = 90;

    @Inject
    WaitingListService lists;

    @Inject
    AccountService account;

    @Inject
    Messages messages;

    @Inject
    FormValidation validation;

    private Long programId;
    private boolean professional;
    private List<Option> programs;
    private List<ListOverview> overview;
    private WaitingList list;
    private boolean listMissing;
    private String chart;

    /** Which dialog is open ("admit", "exit", "override") and for which row. */
    private String dialog;
    private WaitingRow selected;
    private WaitingExitReason exitReason;
    private String exitNote;
    private Integer overridePosition;
    private String overrideReason;

    /** f:viewAction */
    public void load() {
        CallerProfile me = account.me();
        professional = me.role() == Role.PROFESIONAL;
        programs = lists.programs();
        if (!professional) {
            overview = lists.overview();
        }
        if (programId == null) {
            programId = professional ? me.programId() : overview.stream().filter(o -> o.length() > 0)
                    .map(ListOverview::programId).findFirst().orElse(null);
        }
        refresh();
    }

    private void refresh() {
        list = programId == null ? null : lists.list(programId).orElse(null);
        listMissing = programId != null && list == null;
        chart = list == null ? null
                : WaitingChart.json(lists.history(programId, HISTORY_DAYS), list.acronym(), messages::text);
    }

    /** The program selector: the chosen list, by its own URL. */
    public String show() {
        return programId == null ? null : self();
    }

    public void prepareAdmit(WaitingRow row) {
        open("admit", row);
    }

    public void prepareExit(WaitingRow row) {
        open("exit", row);
        exitReason = null;
        exitNote = null;
    }

    public void prepareOverride(WaitingRow row) {
        open("override", row);
        overridePosition = row.override() == null ? null : row.override().position();
        overrideReason = row.override() == null ? null : row.override().reason();
    }

    public void cancel() {
        dialog = null;
        selected = null;
    }

    public String admit() {
        try {
            lists.admit(selected.entryId(), selected.entryVersion());
            messages.info("waiting.admitted", selected.caseCode(), list.acronym());
            return self();
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
    }

    public String exit() {
        ExitCommand command = new ExitCommand(exitReason, exitNote);
        if (!validation.check(command, "exitForm", Map.of("notAdmission", "reason"))) {
            return null;
        }
        try {
            lists.exit(selected.entryId(), selected.entryVersion(), command);
            messages.info("waiting.exited", selected.caseCode(), messages.text("waiting.exitReason." + exitReason));
            return self();
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        } catch (EJBException e) {
            return violations(e);
        }
    }

    public String override() {
        OverrideCommand command = new OverrideCommand(overridePosition, overrideReason);
        if (!validation.check(command, "overrideForm", Map.of())) {
            return null;
        }
        try {
            lists.override(selected.entryId(), selected.entryVersion(), command);
            messages.info(overridePosition == null ? "waiting.override.cleared" : "waiting.override.saved",
                    selected.caseCode(), overridePosition);
            return self();
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        } catch (EJBException e) {
            return violations(e);
        }
    }

    /** The spreadsheet exports (p:dataExporter) leave their trace. */
    public void listExported(String format) {
        lists.listExported(programId, format);
    }

    public void overviewExported(String format) {
        lists.overviewExported(format);
    }

    /** "Edad 1 × 20 = 20; ..." for the export, where the row expansion cannot go. */
    public String explain(WaitingRow row) {
        return row.explanation().stream().map(this::line).collect(Collectors.joining("; "));
    }

    /** A number of the explanation as people write it (20, 0,5). */
    public String plain(java.math.BigDecimal value) {
        return cl.redlocal.portal.web.platform.Numbers.plainText(value);
    }

    private String line(CriterionLine l) {
        return messages.text("priority.criterion." + l.criterion()) + " " + cl.redlocal.portal.web.platform.Numbers.plainText(l.value()) + " × "
                + cl.redlocal.portal.web.platform.Numbers.plainText(l.weight()) + " = " + cl.redlocal.portal.web.platform.Numbers.plainText(l.points());
    }

    private void open(String which, WaitingRow row) {
        dialog = which;
        selected = row;
    }

    private String self() {
        return "/waiting/lists.xhtml?faces-redirect=true&program=" + programId;
    }

    private static String violations(EJBException e) {
        if (e.getCause() instanceof ConstraintViolationException) {
            return null; // the same rules were checked on the form; only a concurrent change gets here
        }
        throw e;
    }

    public WaitingExitReason[] getExitReasons() {
        return new WaitingExitReason[]{WaitingExitReason.REFERRED_ELSEWHERE, WaitingExitReason.FAMILY_DECLINED,
                WaitingExitReason.NOT_LOCATED, WaitingExitReason.NO_LONGER_NEEDED};
    }

    public Long getProgramId() {
        return programId;
    }

    public void setProgramId(Long programId) {
        this.programId = programId;
    }

    public boolean isProfessional() {
        return professional;
    }

    public List<Option> getPrograms() {
        return programs;
    }

    public List<ListOverview> getOverview() {
        return overview;
    }

    public WaitingList getList() {
        return list;
    }

    public boolean isListMissing() {
        return listMissing;
    }

    public String getChart() {
        return chart;
    }

    public String getDialog() {
        return dialog;
    }

    public WaitingRow getSelected() {
        return selected;
    }

    public WaitingExitReason getExitReason() {
        return exitReason;
    }

    public void setExitReason(WaitingExitReason exitReason) {
        this.exitReason = exitReason;
    }

    public String getExitNote() {
        return exitNote;
    }

    public void setExitNote(String exitNote) {
        this.exitNote = exitNote;
    }

    public Integer getOverridePosition() {
        return overridePosition;
    }

    public void setOverridePosition(Integer overridePosition) {
        this.overridePosition = overridePosition;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public void setOverrideReason(String overrideReason) {
        this.overrideReason = overrideReason;
    }
}
