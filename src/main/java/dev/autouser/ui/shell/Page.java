package dev.autouser.ui.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** The places the navigation leads to. */
public enum Page {
    CONNECT("Connect", Feather.LINK, false,
            "The console keeps asking it and carries on where it was once it answers."),
    USERS("Users", Feather.USERS, true,
            "The rows below are from the last listing that succeeded and may be out of date."),
    ADMIN_SETUP("Admin setup", Feather.SHIELD, true,
            "The findings below may be out of date; they are checked again once the server answers."),
    ROLE_MAPPING("Role mapping", Feather.GIT_MERGE, true,
            "The checks of roles against the server may be out of date; they run again once it answers."),
    AUDIT("Audit", Feather.FILE_TEXT, false,
            "The audit log is read from this computer, not from the server, so that does not make it out of date.");

    private final String title;
    private final Ikon icon;
    private final boolean needsConnection;
    private final String whileServerIsGone;

    Page(String title, Ikon icon, boolean needsConnection, String whileServerIsGone) {
        this.title = title;
        this.icon = icon;
        this.needsConnection = needsConnection;
        this.whileServerIsGone = whileServerIsGone;
    }

    /** What a server that stopped answering means for what this page shows. */
    public String whileServerIsGone() {
        return whileServerIsGone;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }

    /** Pages that only make sense with a server behind them are disabled until connected. */
    public boolean needsConnection() {
        return needsConnection;
    }

    /** Stable node id for TestFX: {@code navUsers}, {@code navAdminSetup}. */
    public String navId() {
        StringBuilder id = new StringBuilder("nav");
        for (String word : title.split(" ")) {
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return id.toString();
    }
}
