package dev.autouser.ui.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** The places the navigation leads to. */
public enum Page {
    CONNECT("Connect", Feather.LINK, false),
    USERS("Users", Feather.USERS, true),
    ADMIN_SETUP("Admin setup", Feather.SHIELD, true),
    ROLE_MAPPING("Role mapping", Feather.GIT_MERGE, true),
    AUDIT("Audit", Feather.FILE_TEXT, false);

    private final String title;
    private final Ikon icon;
    private final boolean needsConnection;

    Page(String title, Ikon icon, boolean needsConnection) {
        this.title = title;
        this.icon = icon;
        this.needsConnection = needsConnection;
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
