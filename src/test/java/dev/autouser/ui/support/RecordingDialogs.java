package dev.autouser.ui.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A DialogService for view-model tests: records what the person would see and answers as told. */
public final class RecordingDialogs implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<Confirmation> confirmations = new ArrayList<>();
    public final List<String> notices = new ArrayList<>();
    /** Finished background work: "title: counts" ("!" before the title when some users had problems). */
    public final List<String> finished = new ArrayList<>();
    public final List<String> clipboard = new ArrayList<>();
    public boolean answerConfirm = true;
    /** The answer to a drop of users who own objects; empty cancels. */
    public Optional<OwnedObjectsChoice> ownedObjectsAnswer = Optional.of(OwnedObjectsChoice.keepLocked());
    public final List<String> ownedObjectsQuestions = new ArrayList<>();
    public final List<List<String>> ownedObjectsRoles = new ArrayList<>();
    public Path saveFile;
    public Path openFile;
    /** What each open-file chooser was filtered to. */
    public final List<FileKind> openKinds = new ArrayList<>();

    @Override
    public void showError(String sentence, Throwable details) {
        errors.add(sentence);
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        confirmations.add(confirmation);
        return answerConfirm;
    }

    @Override
    public Optional<OwnedObjectsChoice> chooseForOwnedObjects(String message, List<String> roles) {
        ownedObjectsQuestions.add(message);
        ownedObjectsRoles.add(List.copyOf(roles));
        return ownedObjectsAnswer;
    }

    @Override
    public void notify(String message) {
        notices.add(message);
    }

    @Override
    public void finished(String title, String counts, boolean problems) {
        finished.add((problems ? "!" : "") + title + ": " + counts);
        notify(counts);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        return Optional.ofNullable(saveFile);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, FileKind kind) {
        openKinds.add(kind);
        return Optional.ofNullable(openFile);
    }

    @Override
    public void copyToClipboard(String text) {
        clipboard.add(text);
    }
}
