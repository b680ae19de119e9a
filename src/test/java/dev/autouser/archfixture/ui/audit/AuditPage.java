package dev.autouser.archfixture.ui.audit;

/** Planted: the page another page composes. */
public final class AuditPage {
}
