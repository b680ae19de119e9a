package dev.autouser.archfixture.cycle.right;

import dev.autouser.archfixture.cycle.left.Left;

/** Planted: the other half of a package cycle. */
public final class Right {
    public Left left() {
        return new Left();
    }
}
