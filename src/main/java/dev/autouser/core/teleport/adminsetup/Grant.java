package dev.autouser.core.teleport.adminsetup;

/** One action on one resource, the unit drift is computed in. */
public record Grant(GrantResource resource, String action) {
    public boolean covers(Grant other) {
        return action.equals(other.action) && resource.covers(other.resource);
    }

    public String describe() {
        return action + " on " + resource.describe();
    }
}
