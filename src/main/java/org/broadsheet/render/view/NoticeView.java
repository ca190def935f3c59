package org.broadsheet.render.view;

/** A short page with a message: a withdrawn story's notice, or "not found". */
public record NoticeView(Chrome chrome, String heading, String message, Link onward) {
}
