package dev.autouser.archfixture.cycle.left;

import dev.autouser.archfixture.cycle.right.Right;

/** Planted: half of a package cycle. */
public final class Left {
    public Right right() {
        return new Right();
    }
}
