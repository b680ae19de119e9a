package dev.autouser.ui.support;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.ValidationDecoration;

import java.util.Optional;

/**
 * ControlsFX validation shown the theme's way: a field with a problem gets AtlantaFX's {@code :danger}
 * state (or {@code :warning}, styled in console.css) and its sentence as a tooltip, instead of
 * ControlsFX's icon overlay, which wraps the scene's root in a pane of its own.
 */
public final class FieldStates implements ValidationDecoration {
    /** A validation support that decorates this way and marks fields at once, not only after an edit. */
    public static ValidationSupport support() {
        ValidationSupport support = new ValidationSupport();
        support.setValidationDecorator(new FieldStates());
        return support;
    }

    /** The result for {@code control}: nothing, or {@code problem} at {@code severity}. */
    public static ValidationResult result(Control control, Optional<String> problem, Severity severity) {
        return problem.map(text -> ValidationResult.fromMessageIf(control, text, severity, true))
                .orElseGet(ValidationResult::new);
    }

    @Override
    public void removeDecorations(Control target) {
        target.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        target.pseudoClassStateChanged(Styles.STATE_WARNING, false);
        target.setTooltip(null);
    }

    @Override
    public void applyValidationDecoration(ValidationMessage message) {
        Control target = message.getTarget();
        target.pseudoClassStateChanged(message.getSeverity() == Severity.ERROR
                ? Styles.STATE_DANGER : Styles.STATE_WARNING, true);
        target.setTooltip(new Tooltip(message.getText()));
    }

    @Override
    public void applyRequiredDecoration(Control target) {
        // nothing is required by itself here: what a form needs depends on its other fields
    }
}
