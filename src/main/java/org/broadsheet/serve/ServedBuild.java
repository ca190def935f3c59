package org.broadsheet.serve;

import java.time.Instant;

/**
 * The build whose site is being served: its number, and the errors of the latest build when that one failed
 * (the last good site stays served, under an error panel).
 *
 * @param instance   this server's run, so a tab opened against an earlier run reloads
 * @param generation counts the builds of this run, from 1
 * @param failed     whether the latest build failed
 * @param errorPanel the failed build's errors as HTML, drawn when it failed (so the source lines shown are
 *                   those the build read, not a later save's); empty when the latest build published
 * @param changedAt  when the served state last changed between good and failed
 */
record ServedBuild(String instance, long generation, boolean failed, String errorPanel, Instant changedAt) {
}
