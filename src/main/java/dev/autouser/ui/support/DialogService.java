package dev.autouser.ui.support;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way view-models talk to the person: errors, confirmations, notifications, file choice,
 * clipboard. The JavaFX implementation is {@link FxDialogService}; tests record calls instead.
 * Every method is called on the FX thread.
 */
public interface DialogService {
    /** One plain sentence, with the technical details expandable. */
    void showError(String sentence, Throwable details);

    /** Asks for agreement; true only when the person pressed the named action button. */
    boolean confirm(Confirmation confirmation);

    /**
     * A drop of users who own objects ({@code message} says who owns what and what each choice does):
     * keep them locked or reassign their objects to one of {@code roles} (the first is offered). Empty
     * when the person cancels.
     */
    Optional<OwnedObjectsChoice> chooseForOwnedObjects(String message, java.util.List<String> roles);

    /** A short non-blocking note ("Copied 3 commands"). */
    void notify(String message);

    /**
     * Background work that changed the server has finished: a note that stays visible for a while
     * whichever page the person is on ("Lock finished" / "3 done, 0 skipped, 0 failed.").
     * {@code problems} marks a run in which some users failed or were skipped.
     */
    default void finished(String title, String counts, boolean problems) {
        notify(counts);
    }

    Optional<Path> chooseSaveFile(String title, String suggestedName);

    /** A file to read, the chooser filtered to {@code kind} first. */
    Optional<Path> chooseOpenFile(String title, FileKind kind);

    void copyToClipboard(String text);
}
