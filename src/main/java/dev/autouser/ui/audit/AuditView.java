package dev.autouser.ui.audit;

import atlantafx.base.theme.Styles;
import dev.autouser.core.audit.ChainVerdict;
import dev.autouser.ui.support.Shortcut;
import dev.autouser.ui.support.ShortcutTarget;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Every change the console made: the chain's verdict, filters, one row per run that expands to its
 * records, the selected row's every field, and export of what the filters show.
 */
public final class AuditView extends BorderPane implements ShortcutTarget {
    private final AuditViewModel model;
    private final Label verdict = new Label();
    private final AuditFilterBar filters;
    private final AuditTree tree;

    public AuditView(AuditViewModel model) {
        this.model = model;
        this.filters = new AuditFilterBar(model);
        this.tree = new AuditTree(model);
        createView();
        bind();
        // Every visit shows the latest records and verdict: changes happen on other pages and in other processes.
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                model.refresh();
            }
        });
    }

    @Override
    public boolean onShortcut(Shortcut shortcut) {
        switch (shortcut) {
            case REFRESH -> model.refresh();
            case SEARCH -> filters.focusUser();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void createView() {
        Label title = new Label("Audit log");
        title.getStyleClass().add("page-title");
        Button refresh = new Button("Verify", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("auditRefreshButton");
        refresh.setTooltip(new Tooltip("Reload the audit log and check its hash chain (F5)"));
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.busyProperty());
        MenuButton export = new MenuButton("Export", new FontIcon(Feather.DOWNLOAD));
        export.setId("auditExportButton");
        export.setTooltip(new Tooltip("Export the records the filters show, with the chain's verdict"));
        for (AuditViewModel.ExportFormat format : AuditViewModel.ExportFormat.values()) {
            MenuItem item = new MenuItem(format.label() + "…");
            item.setId("auditExport" + (format == AuditViewModel.ExportFormat.CSV ? "Csv" : "Json"));
            item.setOnAction(e -> model.export(format));
            export.getItems().add(item);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, export, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        verdict.setId("auditVerdict");
        verdict.getStyleClass().add("audit-verdict");
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        Label summary = new Label();
        summary.setId("auditSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.summaryProperty());
        VBox top = new VBox(8, header, verdict, filters, summary);
        setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 8, 0));
        SplitPane split = new SplitPane(tree, new AuditDetailPane(model));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        setCenter(split);
        getStyleClass().add("page");
        setId("auditView");
    }

    private void bind() {
        verdict.textProperty().bind(model.verdictTextProperty());
        model.verdictStatusProperty().addListener((obs, was, status) -> showVerdict(status));
        showVerdict(model.verdictStatusProperty().get());
    }

    private void showVerdict(ChainVerdict.Status status) {
        verdict.getStyleClass().removeAll("verdict-intact", "verdict-broken", "verdict-unchained");
        Feather icon = Feather.SHIELD;
        if (status == ChainVerdict.Status.INTACT) {
            verdict.getStyleClass().add("verdict-intact");
            icon = Feather.CHECK_CIRCLE;
        } else if (status == ChainVerdict.Status.BROKEN) {
            verdict.getStyleClass().add("verdict-broken");
            icon = Feather.ALERT_OCTAGON;
        } else if (status != null) {
            verdict.getStyleClass().add("verdict-unchained");
            icon = Feather.HELP_CIRCLE;
        }
        verdict.setGraphic(new FontIcon(icon));
    }
}
