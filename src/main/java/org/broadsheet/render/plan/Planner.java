package org.broadsheet.render.plan;

/**
 * Declares one family of outputs (the archive's issues, the date archive, the bureaus, feeds, sitemaps, theme
 * files …): each output with its view, or text, and its key, side by side. A new family of outputs is one more
 * planner in {@link SiteRenderer}'s list.
 */
interface Planner {
    void plan(Plan plan);
}
