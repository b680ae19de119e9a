/**
 * Deliberately broken layering (test sources only): {@code ArchitectureTest} checks that each rule
 * of {@code ArchitectureRules} fails here. Never imported by the product check.
 */
package dev.autouser.archfixture;
