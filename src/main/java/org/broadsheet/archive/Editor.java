package org.broadsheet.archive;

/** A page's editor credit, e.g. role 责任编辑, name 钱虹. */
public record Editor(String role, String name) {
}
