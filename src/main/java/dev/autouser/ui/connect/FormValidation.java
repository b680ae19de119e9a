package dev.autouser.ui.connect;

import atlantafx.base.theme.Styles;
import dev.autouser.ui.support.FieldStates;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * ControlsFX {@link ValidationSupport} on the connect form: a field the connection would fail on is
 * marked ({@link FieldStates}: danger, warning for a missing certificate) and its sentence is listed
 * under the form, before the person presses Connect and waits for a time-out.
 */
final class FormValidation {
    private FormValidation() {
    }

    /** Watches the fields; returns the label that lists what is wrong (empty and hidden when nothing is). */
    static Label install(ConnectViewModel model, TextField uri, TextField ca, TextField cert, TextField key) {
        ValidationSupport support = FieldStates.support();
        support.registerValidator(uri, false, (Control c, String v) ->
                FieldStates.result(c, FormChecks.uri(v), Severity.ERROR));
        support.registerValidator(ca, false, (Control c, String v) ->
                FieldStates.result(c, FormChecks.file("TLS CA file", v), Severity.ERROR));
        support.registerValidator(key, false, (Control c, String v) ->
                FieldStates.result(c, FormChecks.file("Private key", v), Severity.ERROR));
        support.registerValidator(cert, false, (Control c, String v) -> {
            Optional<String> unreadable = FormChecks.file("Client certificate", v);
            return unreadable.isPresent() ? FieldStates.result(c, unreadable, Severity.ERROR)
                    : FieldStates.result(c, FormChecks.clientCertificate(model.authProperty().get(), v, model.uriProperty().get()),
                    Severity.WARNING);
        });
        // the certificate check also depends on the authentication and the URI
        model.authProperty().addListener((obs, was, now) -> support.revalidate(cert));
        model.uriProperty().addListener((obs, was, now) -> support.revalidate(cert));
        // mark at once, not only after the person edits a field: a loaded profile can already be wrong
        support.initInitialDecoration();

        Label problems = new Label();
        problems.setId("formProblems");
        problems.setWrapText(true);
        problems.managedProperty().bind(problems.visibleProperty());
        support.validationResultProperty().addListener((obs, was, now) -> show(problems, now));
        show(problems, support.getValidationResult());
        return problems;
    }

    private static void show(Label problems, ValidationResult result) {
        boolean errors = result != null && !result.getErrors().isEmpty();
        String text = result == null ? "" : result.getMessages().stream()
                .sorted((a, b) -> b.getSeverity().compareTo(a.getSeverity()))
                .map(ValidationMessage::getText).distinct().collect(Collectors.joining("\n"));
        problems.setText(text);
        problems.setVisible(!text.isEmpty());
        problems.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        problems.getStyleClass().add(errors ? Styles.DANGER : Styles.WARNING);
    }
}
